package com.propty.delivery;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * delivery-service: the only service that talks to the providers. It owns the durable send ledger
 * (Mongo {@code sends}: one intent per attempt, recipient and channel, recorded before any provider call so
 * that a redelivered request never sends twice), the retry store for sends deferred by provider outages
 * ({@code deferred}) and the record of applied provider webhooks ({@code webhook_events}).
 *
 * <p>Consumes {@code notice-dispatch-requested} and {@code resend-requested} (the same way: each chunk is a
 * list of targets to send now), sends email through SendGrid and SMS through Twilio, receives their signed
 * webhooks on {@code /webhooks/**}, and emits one {@code DeliveryResult} on {@code delivery-results} per
 * status change of a target (SENT, DELIVERED, FAILED, SKIPPED).
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class DeliveryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
