package com.propty.delivery.metrics;

import com.propty.delivery.dispatch.DeferredSends;
import com.propty.delivery.dispatch.DeliverySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own meters (README "Meters"), each created at start-up so that dashboards show zeros, not gaps. */
@Configuration
class MetricsConfiguration {

    @Bean
    DeliveryMeters deliveryMeters(MeterRegistry registry, Clock clock, DeliverySettings settings) {
        return new DeliveryMeters(registry, clock, settings.inDoubtWindow().plus(settings.inDoubtSweepInterval()));
    }

    @Bean
    ProviderCallMeters providerCallMeters(MeterRegistry registry) {
        return new ProviderCallMeters(registry);
    }

    @Bean
    WebhookMeters webhookMeters(MeterRegistry registry) {
        return new WebhookMeters(registry);
    }

    @Bean
    ParkedSendsGauge parkedSendsGauge(MeterRegistry registry, DeferredSends deferred) {
        ParkedSendsGauge gauge = new ParkedSendsGauge(registry, deferred::parkedSends);
        gauge.refresh();
        return gauge;
    }
}
