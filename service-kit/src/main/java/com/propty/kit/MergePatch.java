package com.propty.kit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of a flat resource, read once the same way by every service: each member names a
 * field the resource lets a client change, with a value of that field's shape, or null to clear it (back to its
 * default). Anything else is a field error, all of them reported together as one 400 {@code VALIDATION_FAILED}
 * before anything changes. The use case then reads each field as patched, or as it was.
 */
public final class MergePatch {

    /** The shape a patchable field takes. */
    public enum Shape {
        STRING("must be a string or null"), STRINGS("must be an array of strings or null"),
        BOOLEAN("must be true, false or null"),
        /** A nested resource, itself patched member by member: read it with {@link #patch}. */
        OBJECT("must be an object or null");

        private final String message;

        Shape(String message) {
            this.message = message;
        }
    }

    private final Map<String, Object> changes;

    private MergePatch(Map<String, Object> changes) {
        this.changes = changes;
    }

    /**
     * The patch's changes; 400 {@code VALIDATION_FAILED} naming every member that is not a patchable field or not of
     * its shape, or the body when it is not a JSON object.
     */
    public static MergePatch parse(JsonNode patch, Map<String, Shape> patchable) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        MergePatch parsed = parse("", patch, patchable, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return parsed;
    }

    /**
     * A patch with nested resources ({@link Shape#OBJECT} members, each with its own patchable fields): every error of
     * every level reported together, a nested field named {@code outer.inner}.
     */
    public static MergePatch parse(JsonNode patch, Map<String, Shape> patchable, Map<String, Map<String, Shape>> nested) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        MergePatch parsed = parse("", patch, patchable, errors);
        nested.forEach((field, fields) -> {
            if (parsed.changes.get(field) instanceof JsonNode inner) {
                parsed.changes.put(field, parse(field + ".", inner, fields, errors));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return parsed;
    }

    private static MergePatch parse(String prefix, JsonNode patch, Map<String, Shape> patchable,
            List<ApiProblem.FieldError> errors) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            Shape shape = patchable.get(field);
            if (shape == null) {
                errors.add(new ApiProblem.FieldError(prefix + field, "cannot be changed"));
            } else if (value.isNull()) {
                changes.put(field, null);
            } else if (shape == Shape.STRING && value.isString()) {
                changes.put(field, value.stringValue());
            } else if (shape == Shape.STRINGS && isArrayOfStrings(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.stringValue()));
                changes.put(field, List.copyOf(items));
            } else if (shape == Shape.BOOLEAN && value.isBoolean()) {
                changes.put(field, value.booleanValue());
            } else if (shape == Shape.OBJECT && value.isObject()) {
                changes.put(field, value);
            } else {
                errors.add(new ApiProblem.FieldError(prefix + field, shape.message));
            }
        }
        return new MergePatch(changes);
    }

    private static boolean isArrayOfStrings(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the patch names the field (with a value or null). */
    public boolean has(String field) {
        return changes.containsKey(field);
    }

    /** The field as patched (null when the patch clears it), or {@code current} when the patch leaves it. */
    public String string(String field, String current) {
        return has(field) ? (String) changes.get(field) : current;
    }

    /** The field as patched (null when the patch clears it), or {@code current} when the patch leaves it. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String field, List<String> current) {
        return has(field) ? (List<String>) changes.get(field) : current;
    }

    /** The field as patched (null when the patch clears it), or {@code current} when the patch leaves it. */
    public Boolean bool(String field, Boolean current) {
        return has(field) ? (Boolean) changes.get(field) : current;
    }

    /**
     * The nested patch of an {@link Shape#OBJECT} field parsed with {@link #parse(JsonNode, Map, Map)}: empty when the
     * patch leaves it; null when the patch clears it (the whole nested resource back to its defaults).
     */
    public MergePatch patch(String field) {
        if (!has(field)) {
            return new MergePatch(Map.of());
        }
        return (MergePatch) changes.get(field);
    }

    /** The fields the patch names, in its order. */
    public List<String> fields() {
        return Collections.unmodifiableList(new ArrayList<>(changes.keySet()));
    }
}
