package com.propty.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator was asked to send: per-address counts of accepted and rejected messages, and a
 * summary of the last {@value #KEPT} requests. Tests use it to prove a message was sent exactly once.
 */
public final class Traffic {

    static final int KEPT = 10_000;

    /** One provider request: {@code to} is its first address, {@code recipients} how many it carried. */
    public record Request(String provider, String to, int recipients, int status, Instant time) {
    }

    private final Map<String, Integer> accepted = new TreeMap<>();
    private final Map<String, Integer> rejected = new TreeMap<>();
    private final Deque<Request> requests = new ArrayDeque<>();

    synchronized void record(Provider provider, Collection<String> addresses, int status) {
        Map<String, Integer> counts = status >= 200 && status < 300 ? accepted : rejected;
        addresses.forEach(a -> counts.merge(a, 1, Integer::sum));
        requests.addLast(new Request(provider.id(), addresses.isEmpty() ? null : addresses.iterator().next(),
                addresses.size(), status, Instant.now()));
        if (requests.size() > KEPT) {
            requests.removeFirst();
        }
    }

    public synchronized Map<String, Integer> accepted() {
        return Map.copyOf(accepted);
    }

    public synchronized Map<String, Integer> rejected() {
        return Map.copyOf(rejected);
    }

    /** The most recent {@code limit} requests, oldest first. */
    public synchronized List<Request> requests(int limit) {
        List<Request> all = new ArrayList<>(requests);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size()));
    }

    public synchronized long requestCount(Provider provider) {
        return requests.stream().filter(r -> r.provider().equals(provider.id())).count();
    }

    synchronized void reset() {
        accepted.clear();
        rejected.clear();
        requests.clear();
    }
}
