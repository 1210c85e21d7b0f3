package com.propty.notice.resident;

import com.propty.kit.ClientInput;

/**
 * The body of a resident creation: the only members a client may send. {@code id}, {@code propertyId},
 * {@code optedOut}, timestamps or anything else are refused with 400 naming the member ({@link ClientInput}).
 */
@ClientInput
public record ResidentInput(String name, String email, String phone, String unit) {
}
