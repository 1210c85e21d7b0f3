package com.propty.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Outages and latency an operator or a test imposes on a provider through the admin API. */
final class Conditions {

    record Outage(int status, Instant until) {
        long secondsLeft() {
            return Math.max(1, Duration.between(Instant.now(), until).toSeconds());
        }
    }

    private final Map<Provider, Outage> outages = new EnumMap<>(Provider.class);
    private final Map<Provider, Long> latencies = new EnumMap<>(Provider.class);

    synchronized void outage(Provider provider, int status, long seconds) {
        if (seconds <= 0) {
            outages.remove(provider);
        } else {
            outages.put(provider, new Outage(status, Instant.now().plusSeconds(seconds)));
        }
    }

    synchronized Optional<Outage> outage(Provider provider) {
        Outage outage = outages.get(provider);
        if (outage != null && outage.until().isBefore(Instant.now())) {
            outages.remove(provider);
            return Optional.empty();
        }
        return Optional.ofNullable(outage);
    }

    synchronized void latency(Provider provider, long millis) {
        latencies.put(provider, Math.max(0, millis));
    }

    synchronized long latency(Provider provider) {
        return latencies.getOrDefault(provider, 0L);
    }

    synchronized void reset() {
        outages.clear();
        latencies.clear();
    }
}
