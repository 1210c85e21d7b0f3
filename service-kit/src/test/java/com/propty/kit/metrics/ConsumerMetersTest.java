package com.propty.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Event;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsumerMetersTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ConsumerMeters meters = new ConsumerMeters(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    record Applied(Instant occurredAt) implements Event {
        public String eventId() {
            return "e";
        }

        public String type() {
            return "Applied";
        }

        public int version() {
            return 1;
        }
    }

    @Test
    void aRegisteredConsumerShowsZeroLagAndZeroDeadLettersBeforeItsFirstEvent() {
        meters.register("delivery-results");

        assertThat(lag("delivery-results").count()).isZero();
        assertThat(registry.get(ConsumerMeters.DEAD_LETTERS).tag("consumer", "delivery-results").counter().count()).isZero();
    }

    @Test
    void lagIsTheTimeFromTheEventToItsApplication() {
        meters.applied("delivery-results", NOW.minusSeconds(3));

        assertThat(lag("delivery-results").count()).isEqualTo(1);
        assertThat(lag("delivery-results").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3000);
    }

    @Test
    void aBatchRecordsOneLagPerEventAndSkipsEventsWithoutATime() {
        meters.applied("resend-requested", List.of(new Applied(NOW.minusSeconds(1)), new Applied(NOW.minusSeconds(61)),
                new Applied(null)));

        assertThat(lag("resend-requested").count()).isEqualTo(2);
        assertThat(lag("resend-requested").max(TimeUnit.SECONDS)).isEqualTo(61);
    }

    @Test
    void anEventStampedAfterNowByAnotherHostsClockCountsAsNoLag() {
        meters.applied("delivery-results", NOW.plusSeconds(2));

        assertThat(lag("delivery-results").totalTime(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void deadLettersAreCountedPerConsumer() {
        meters.deadLettered("audit-events");
        meters.deadLettered("audit-events");
        meters.deadLettered("delivery-results");

        assertThat(registry.get(ConsumerMeters.DEAD_LETTERS).tag("consumer", "audit-events").counter().count()).isEqualTo(2);
        assertThat(registry.get(ConsumerMeters.DEAD_LETTERS).tag("consumer", "delivery-results").counter().count()).isEqualTo(1);
    }

    @Test
    void theLagHistogramHasAMinuteBucketForTheAlert() {
        meters.applied("delivery-results", NOW.minusSeconds(90));

        assertThat(lag("delivery-results").takeSnapshot().histogramCounts())
                .anySatisfy(bucket -> {
                    assertThat(bucket.bucket(TimeUnit.SECONDS)).isEqualTo(60);
                    assertThat(bucket.count()).isZero();
                });
    }

    private Timer lag(String consumer) {
        return registry.get(ConsumerMeters.LAG).tag("consumer", consumer).timer();
    }
}
