package com.propty.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body type whose members are all a client may send: any other member (e.g. {@code id},
 * {@code propertyId}, {@code optedOut}) is refused with 400 {@code VALIDATION_FAILED} naming it, instead of being
 * silently dropped. Event types stay lenient (consumers ignore unknown fields, CONTRACT §4), so this is opt-in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClientInput {
}
