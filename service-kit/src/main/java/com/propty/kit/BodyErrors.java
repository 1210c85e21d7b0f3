package com.propty.kit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a body that Jackson could not bind into the field it failed on: a member a client may not set, or a value of
 * the wrong type (an object such as {@code {"$ne": ""}} where a string is expected, an unknown enum value, a number
 * for a string). Syntax errors (not JSON at all) name no field.
 */
public final class BodyErrors {

    private BodyErrors() {
    }

    public static Optional<ApiProblem.FieldError> fieldError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return Optional.of(new ApiProblem.FieldError(path(unknown.getPath(), unknown.getPropertyName()),
                        "cannot be set by a client"));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                Class<?> target = mismatch.getTargetType();
                return Optional.of(new ApiProblem.FieldError(path(mismatch.getPath(), null), target == null
                        ? "has the wrong type" : "must be " + describe(target)));
            }
        }
        return Optional.empty();
    }

    private static String path(List<JacksonException.Reference> references, String last) {
        String path = references.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (last != null && !path.endsWith(last)) {
            path = path.isEmpty() ? last : path + "." + last;
        }
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        return "an object of the documented shape";
    }
}
