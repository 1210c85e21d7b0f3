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
 * The retry store's gauges, per channel, read together from the store on a schedule
 * ({@code DELIVERY_PARKED_REFRESH_INTERVAL}), never on a scrape; what they say holds for every instance:
 * <ul>
 * <li>{@code delivery.sends.parked}: sends waiting for a provider to come back (an outage's batches, deleted once
 * sent);</li>
 * <li>{@code delivery.sends.held}: SMS held on purpose until their property's quiet hours end (README "Never at
 * night"); once due they are tried, and count as parked only if their provider is down then.</li>
 * </ul>
 */
public class ParkedSendsGauge {

    private static final Logger log = LoggerFactory.getLogger(ParkedSendsGauge.class);

    public static final String PARKED = "delivery.sends.parked";
    public static final String HELD = "delivery.sends.held";

    private final Supplier<DeferredSends.Waiting> store;
    private final Map<Channel, AtomicLong> parked = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> held = new EnumMap<>(Channel.class);

    public ParkedSendsGauge(MeterRegistry registry, Supplier<DeferredSends.Waiting> store) {
        this.store = store;
        for (Channel channel : Channel.values()) {
            parked.put(channel, gauge(registry, PARKED, "Sends parked in the retry store", channel));
            held.put(channel, gauge(registry, HELD, "Sends held in the retry store until quiet hours end", channel));
        }
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String description, Channel channel) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description)
                .tag("channel", DeliveryMeters.tag(channel)).register(registry);
        return value;
    }

    /** Reads the store; on a failure the last values stay (a store outage shows in readiness, not here). */
    @Scheduled(fixedDelayString = "${delivery.metrics.parked-refresh-interval:PT15S}",
            initialDelayString = "${delivery.metrics.parked-refresh-interval:PT15S}")
    public void refresh() {
        try {
            DeferredSends.Waiting counts = store.get();
            parked.forEach((channel, value) -> value.set(counts.parked().getOrDefault(channel, 0)));
            held.forEach((channel, value) -> value.set(counts.held().getOrDefault(channel, 0)));
        } catch (RuntimeException e) {
            log.debug("Could not count parked sends: {}", e.getMessage());
        }
    }
}
