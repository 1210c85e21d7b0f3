package com.propty.delivery.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batching rules of SendGrid's mail send: at most {@code batchSize} personalizations per call, and a
 * 400 that names offending personalizations ({@code personalizations.N.to.0.email}) rejects the whole call,
 * so those become FAILED INVALID_ADDRESS and the others are sent again at once.
 */
public final class EmailBatches {

    private static final Pattern PERSONALIZATION = Pattern.compile("^personalizations\\.(\\d+)\\.to\\.\\d+\\.email$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmailBatches() {
    }

    public static <T> List<List<T>> split(List<T> items, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + batchSize))));
        }
        return batches;
    }

    /**
     * The personalizations a 400 names as invalid, by index, with SendGrid's message. Empty when the error
     * names none (the whole request is at fault, or the body is not SendGrid's error shape).
     */
    public static Map<Integer, String> invalidPersonalizations(String errorBody, int batchSize) {
        Map<Integer, String> invalid = new LinkedHashMap<>();
        if (errorBody == null || errorBody.isBlank()) {
            return invalid;
        }
        JsonNode errors;
        try {
            errors = JSON.readTree(errorBody).path("errors");
        } catch (RuntimeException e) {
            return invalid;
        }
        for (JsonNode error : errors) {
            Matcher m = PERSONALIZATION.matcher(error.path("field").asString(""));
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index < batchSize) {
                    invalid.putIfAbsent(index, error.path("message").asString("Invalid address"));
                }
            }
        }
        return invalid;
    }

    /** The items not at the given indexes, in their order: what is sent again after a partial rejection. */
    public static <T> List<T> without(List<T> items, java.util.Set<Integer> indexes) {
        List<T> rest = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!indexes.contains(i)) {
                rest.add(items.get(i));
            }
        }
        return rest;
    }
}
