package com.propty.delivery.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sending's own meters (README "Meters"), created at start-up so that dashboards show zeros, not gaps; the
 * providers' calls and the webhooks have theirs beside them ({@code resilience.ProviderCallMeters},
 * {@code webhook.WebhookMeters}).
 */
@Configuration
class DispatchMetersConfiguration {

    @Bean
    DeliveryMeters deliveryMeters(MeterRegistry registry, Clock clock, DeliveryProperties settings) {
        return new DeliveryMeters(registry, clock, settings.inDoubtWindow().plus(settings.inDoubtSweepInterval()));
    }

    @Bean
    ParkedSendsGauge parkedSendsGauge(MeterRegistry registry, DeferredSends deferred) {
        ParkedSendsGauge gauge = new ParkedSendsGauge(registry, deferred::waiting);
        gauge.refresh();
        return gauge;
    }
}
