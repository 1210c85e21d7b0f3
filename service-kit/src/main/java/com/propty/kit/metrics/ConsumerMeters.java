package com.propty.kit.metrics;

import com.propty.events.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of the services' Kafka consumers, one set per consumer (a service's name for the topic it projects, e.g.
 * {@code delivery-results}): {@code projection.lag}, the time from an event's {@code occurredAt} to the moment its
 * consumer applied it, and {@code consumer.dead.letters}, the records it sent to its dead-letter topic. Every consumer
 * is {@link #register registered} when its binding is built, so a dashboard shows zero, not a gap, before the first
 * event. Tag values are the consumers' fixed names: never an id or anything from a record.
 */
public class ConsumerMeters {

    public static final String LAG = "projection.lag";
    public static final String DEAD_LETTERS = "consumer.dead.letters";

    /** Buckets for the lag histogram: the alert's minute among them. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15)};

    private record Meters(Timer lag, Counter deadLetters) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Meters> consumers = new ConcurrentHashMap<>();

    public ConsumerMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Creates the consumer's meters at zero; call it when the consumer is built. */
    public void register(String consumer) {
        meters(consumer);
    }

    /** One event applied by {@code consumer}; an event without a time is not measured. */
    public void applied(String consumer, Instant eventTime) {
        record(meters(consumer), eventTime, clock.instant());
    }

    /** Every event of a batch applied by {@code consumer} (call it once the batch is written). */
    public void applied(String consumer, Collection<? extends Event> events) {
        Meters meters = meters(consumer);
        Instant now = clock.instant();
        events.forEach(event -> record(meters, event.occurredAt(), now));
    }

    /** One record {@code consumer} sent to its dead-letter topic. */
    public void deadLettered(String consumer) {
        meters(consumer).deadLetters().increment();
    }

    private static void record(Meters meters, Instant eventTime, Instant now) {
        if (eventTime != null) {
            Duration lag = Duration.between(eventTime, now);
            meters.lag().record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Meters meters(String consumer) {
        return consumers.computeIfAbsent(consumer, name -> new Meters(
                Timer.builder(LAG).description("Time from an event's occurredAt to its consumer applying it")
                        .tag("consumer", name).serviceLevelObjectives(LAG_BUCKETS).register(registry),
                Counter.builder(DEAD_LETTERS).description("Records a consumer sent to its dead-letter topic")
                        .tag("consumer", name).register(registry)));
    }
}
