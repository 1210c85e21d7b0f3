package com.propty.delivery.dispatch;

import com.propty.delivery.resilience.Provider;
import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliveries as this service publishes them, and the sends in doubt (README "Meters"):
 * <ul>
 * <li>{@code notice.deliveries} counts every {@code DeliveryResult} published, tagged {@code channel}, {@code provider}
 * (the channel's provider, also for a SKIPPED send that never reached it), {@code outcome} (the status) and
 * {@code error} (the error code, {@code none} without one). Every combination is registered at start-up.</li>
 * <li>{@code delivery.sends.in.doubt} (gauge, per channel): sends whose provider call got no answer and for which no
 * result has been published since (a webhook settles them, or the in-doubt sweep marks them FAILED SEND_IN_DOUBT). Kept
 * in memory, so a scrape costs no store read; an entry older than the in-doubt window plus a sweep is dropped (another
 * instance settled it). Sends left in flight by a crash are not in it: they appear as
 * {@code error="send_in_doubt"} deliveries once swept.</li>
 * </ul>
 */
public class DeliveryMeters {

    public static final String DELIVERIES = "notice.deliveries";
    public static final String IN_DOUBT = "delivery.sends.in.doubt";

    private record InDoubt(Channel channel, Instant since) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration forgetAfter;
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, InDoubt> inDoubt = new ConcurrentHashMap<>();

    public DeliveryMeters(MeterRegistry registry, Clock clock, Duration forgetAfter) {
        this.registry = registry;
        this.clock = clock;
        this.forgetAfter = forgetAfter;
        for (Channel channel : Channel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                if (status != DeliveryStatus.PENDING) {
                    counter(channel, status, null);
                }
            }
            for (ErrorCode error : ErrorCode.values()) {
                counter(channel, DeliveryStatus.FAILED, error);
            }
            Gauge.builder(IN_DOUBT, () -> inDoubt(channel))
                    .description("Sends whose provider call got no answer, not settled yet")
                    .tag("channel", tag(channel)).register(registry);
        }
    }

    /** Results handed to Kafka; a result for a send in doubt settles it. */
    public void published(Collection<DeliveryResult> results) {
        for (DeliveryResult r : results) {
            counter(r.channel(), r.status(), r.errorCode()).increment();
            if (!inDoubt.isEmpty()) {
                inDoubt.remove(Send.key(r.attemptId(), r.recipientId(), r.channel()));
            }
        }
    }

    /** Sends whose provider call ended without an answer. */
    public void inDoubt(Collection<Send> sends) {
        Instant now = clock.instant();
        sends.forEach(s -> inDoubt.put(s.key(), new InDoubt(s.channel(), now)));
    }

    private double inDoubt(Channel channel) {
        Instant cutoff = clock.instant().minus(forgetAfter);
        inDoubt.values().removeIf(d -> d.since().isBefore(cutoff));
        return inDoubt.values().stream().filter(d -> d.channel() == channel).count();
    }

    private Counter counter(Channel channel, DeliveryStatus status, ErrorCode error) {
        String outcome = tag(status);
        String errorTag = error == null ? "none" : tag(error);
        return deliveries.computeIfAbsent(channel + ":" + outcome + ":" + errorTag, key -> Counter.builder(DELIVERIES)
                .description("Delivery results published, by channel, provider, outcome and error")
                .tag("channel", tag(channel)).tag("provider", provider(channel).id()).tag("outcome", outcome)
                .tag("error", errorTag).register(registry));
    }

    static Provider provider(Channel channel) {
        return channel == Channel.EMAIL ? Provider.SENDGRID : Provider.TWILIO;
    }

    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
