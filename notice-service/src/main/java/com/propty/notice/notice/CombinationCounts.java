package com.propty.notice.notice;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many recipients of a notice are in each {@linkplain StateCombination#key combination}: the notice's
 * counters. Kept as a base (the audience as dispatched) plus deltas (every change of a recipient's combination
 * since), so the dispatch and the projection each write only their own part. A delta may be negative; their sum
 * with the base never is.
 */
public final class CombinationCounts {

    private final TreeMap<String, Long> counts;

    private CombinationCounts(Map<String, Long> counts) {
        this.counts = new TreeMap<>(counts);
        this.counts.values().removeIf(v -> v == 0);
    }

    public static CombinationCounts empty() {
        return new CombinationCounts(Map.of());
    }

    public static CombinationCounts of(Map<String, ? extends Number> counts) {
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.longValue()));
        return new CombinationCounts(copy);
    }

    public static CombinationCounts of(Collection<StateCombination> combinations) {
        CombinationCounts result = empty();
        for (StateCombination c : combinations) {
            result.add(c.key(), c.count());
        }
        return result;
    }

    /** One recipient moved from one combination to another. */
    public void move(String from, String to) {
        if (!from.equals(to)) {
            add(from, -1);
            add(to, 1);
        }
    }

    public void add(String key, long n) {
        long value = counts.getOrDefault(key, 0L) + n;
        if (value == 0) {
            counts.remove(key);
        } else {
            counts.put(key, value);
        }
    }

    public CombinationCounts plus(CombinationCounts other) {
        CombinationCounts sum = new CombinationCounts(counts);
        other.counts.forEach(sum::add);
        return sum;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public Map<String, Long> asMap() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public List<StateCombination> combinations() {
        return counts.entrySet().stream().map(e -> StateCombination.of(e.getKey(), e.getValue())).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CombinationCounts other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
