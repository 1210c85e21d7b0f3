package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code delivery.sends.parked} (gauge, per channel): sends waiting in the retry store for a provider to come back.
 * The store is read on a schedule ({@code DELIVERY_PARKED_REFRESH_INTERVAL}), never on a scrape; it holds only the
 * batches of an outage, deleted once sent, and what it says holds for every instance.
 */
public class ParkedSendsGauge {

    private static final Logger log = LoggerFactory.getLogger(ParkedSendsGauge.class);

    public static final String PARKED = "delivery.sends.parked";

    private final Supplier<Map<Channel, Integer>> store;
    private final Map<Channel, AtomicLong> parked = new EnumMap<>(Channel.class);

    public ParkedSendsGauge(MeterRegistry registry, Supplier<Map<Channel, Integer>> store) {
        this.store = store;
        for (Channel channel : Channel.values()) {
            AtomicLong value = new AtomicLong();
            parked.put(channel, value);
            Gauge.builder(PARKED, value, AtomicLong::get).description("Sends parked in the retry store")
                    .tag("channel", DeliveryMeters.tag(channel)).register(registry);
        }
    }

    /** Reads the store; on a failure the last values stay (a store outage shows in readiness, not here). */
    @Scheduled(fixedDelayString = "${delivery.metrics.parked-refresh-interval:PT15S}",
            initialDelayString = "${delivery.metrics.parked-refresh-interval:PT15S}")
    public void refresh() {
        try {
            Map<Channel, Integer> counts = store.get();
            parked.forEach((channel, value) -> value.set(counts.getOrDefault(channel, 0)));
        } catch (RuntimeException e) {
            log.debug("Could not count parked sends: {}", e.getMessage());
        }
    }
}
