package com.propty.kit.topics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule that a service starts only against topics laid out as configured: an existing topic whose partition
 * count differs from the catalogue would break key order (a notice's events on two partitions) and the projections'
 * per-partition watermarks. A topic that does not exist yet is fine: it is created with the configured count.
 */
public final class TopicLayout {

    private TopicLayout() {
    }

    /** One line per existing topic whose partition count differs from {@code configured}; empty when all match. */
    public static List<String> mismatches(Map<String, Integer> configured, Map<String, Integer> existing) {
        return new TreeMap<>(configured).entrySet().stream()
                .filter(topic -> existing.containsKey(topic.getKey()))
                .filter(topic -> !existing.get(topic.getKey()).equals(topic.getValue()))
                .map(topic -> "topic " + topic.getKey() + " has " + existing.get(topic.getKey())
                        + " partitions, the configuration says " + topic.getValue())
                .toList();
    }

    /** Throws, naming every mismatched topic, unless the existing topics match the configuration. */
    public static void requireMatching(Map<String, Integer> configured, Map<String, Integer> existing) {
        List<String> mismatches = mismatches(configured, existing);
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", mismatches)
                    + ". A topic's partition count cannot change without breaking key order; recreate the topic or"
                    + " change the catalogue (README \"Topics and partitions\").");
        }
    }
}
