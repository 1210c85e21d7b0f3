package com.propty.system.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QueriedMetricsTest {

    @Test
    void theNamesOfAnExpressionAreItsSelectorsNotItsFunctionsLabelsOrNumbers() {
        assertThat(QueriedMetrics.names("histogram_quantile(0.95, sum by (le, provider) "
                + "(rate(delivery_provider_calls_seconds_bucket{outcome!=\"in_doubt\", job=~\"a|b\"}[5m]))) > 1e3"))
                .containsExactly("delivery_provider_calls_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryExpressionAreNamed() {
        assertThat(QueriedMetrics.names("sum(rate(a_total[5m])) / ignoring(x) sum without (y) (b_total) and on() c"))
                .containsExactly("a_total", "b_total", "c");
    }

    @Test
    void everyDashboardPanelAndAlertRuleIsRead() {
        assertThat(QueriedMetrics.expressions(Path.of("../ops")))
                .hasSizeGreaterThan(15)
                .anySatisfy(e -> assertThat(e).contains("resilience4j_circuitbreaker_state"))
                .anySatisfy(e -> assertThat(e).contains("delivery_webhook_events_total"));
    }
}
