package com.propty.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Readiness includes the store and the broker; liveness does not, so an outage of either restarts nothing. */
class HealthProbesTest extends ServiceTestSupport {

    @Test
    void readinessChecksMongoAndKafkaAndLivenessOnlyTheProcess() {
        Response readiness = callWithToken("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.status()).as(readiness.raw()).isEqualTo(200);
        assertThat(readiness.body().get("status").stringValue()).isEqualTo("UP");
        assertThat(readiness.body().get("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "mongo", "binders");

        Response liveness = callWithToken("GET", "/actuator/health/liveness", null, null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.raw()).doesNotContain("mongo").doesNotContain("binders");
    }
}
