package com.propty.resend.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.ChannelTotals;
import com.propty.events.ResendScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ResendMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ResendMeters meters = new ResendMeters(registry);

    @Test
    void everyScopeExistsAtZeroWithItsType() {
        assertThat(registry.get(ResendMeters.RESENDS).counters()).hasSize(3);
        assertThat(registry.get(ResendMeters.RESENDS).tags("scope", "selected", "type", "partial").counter().count()).isZero();
        assertThat(registry.get(ResendMeters.RESENDS).tags("scope", "all_undelivered", "type", "full").counter().count()).isZero();
    }

    @Test
    void anAcceptedResendCountsOnceAndItsChannelsByScope() {
        meters.accepted(ResendScope.FAILED_ONLY, new ChannelTotals(2, 3));

        assertThat(registry.get(ResendMeters.RESENDS).tags("scope", "failed_only", "type", "full").counter().count()).isEqualTo(1);
        assertThat(registry.get(ResendMeters.TARGETS).tags("scope", "failed_only", "channel", "email").counter().count()).isEqualTo(2);
        assertThat(registry.get(ResendMeters.TARGETS).tags("scope", "failed_only", "channel", "sms").counter().count()).isEqualTo(3);
        assertThat(registry.get(ResendMeters.TARGETS).tags("scope", "selected", "channel", "sms").counter().count()).isZero();
    }
}
