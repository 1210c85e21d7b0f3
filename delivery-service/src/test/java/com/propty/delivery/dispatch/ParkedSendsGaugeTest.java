package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParkedSendsGaugeTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicReference<Map<Channel, Integer>> store = new AtomicReference<>(Map.of());
    final AtomicReference<Map<Channel, Integer>> holds = new AtomicReference<>(Map.of());
    final AtomicInteger reads = new AtomicInteger();
    final Supplier<DeferredSends.Waiting> counting = () -> {
        reads.incrementAndGet();
        Map<Channel, Integer> now = store.get();
        if (now == null) {
            throw new IllegalStateException("store down");
        }
        return new DeferredSends.Waiting(now, holds.get());
    };
    final ParkedSendsGauge gauge = new ParkedSendsGauge(registry, counting);

    @Test
    void aScrapeReadsTheLastRefreshNotTheStore() {
        store.set(Map.of(Channel.EMAIL, 40));
        gauge.refresh();
        int readsAfterRefresh = reads.get();

        assertThat(parked("email")).isEqualTo(40);
        assertThat(parked("sms")).isZero();
        assertThat(reads.get()).isEqualTo(readsAfterRefresh);
    }

    @Test
    void aChannelNoLongerParkedGoesBackToZero() {
        store.set(Map.of(Channel.SMS, 3));
        gauge.refresh();
        store.set(Map.of());
        gauge.refresh();

        assertThat(parked("sms")).isZero();
    }

    @Test
    void aStoreFailureKeepsTheLastValues() {
        store.set(Map.of(Channel.SMS, 3));
        gauge.refresh();
        store.set(null);
        gauge.refresh();

        assertThat(parked("sms")).isEqualTo(3);
    }

    @Test
    void heldSendsHaveTheirOwnGaugeAndAreNotCountedAsParked() {
        store.set(Map.of(Channel.EMAIL, 2));
        holds.set(Map.of(Channel.SMS, 7));
        gauge.refresh();

        assertThat(held("sms")).isEqualTo(7);
        assertThat(held("email")).isZero();
        assertThat(parked("sms")).isZero();
        assertThat(parked("email")).isEqualTo(2);

        holds.set(Map.of());
        gauge.refresh();
        assertThat(held("sms")).isZero();
    }

    private double held(String channel) {
        return registry.get(ParkedSendsGauge.HELD).tag("channel", channel).gauge().value();
    }

    private double parked(String channel) {
        return registry.get(ParkedSendsGauge.PARKED).tag("channel", channel).gauge().value();
    }
}
