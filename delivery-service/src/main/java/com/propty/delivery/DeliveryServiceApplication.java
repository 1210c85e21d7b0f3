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
 * that a redelivered request never sends twice), the retry store for sends deferred by provider outages and for SMS
 * held until their property's quiet hours end ({@code deferred}) and the record of applied provider webhooks
 * ({@code webhook_events}).
 *
 * <p>Consumes (group {@code delivery-service}) {@code notice-dispatch-requested} and {@code resend-requested} (the
 * same way: each chunk is a list of targets to send now, its SMS inside the chunk's quiet hours held until they end; a
 * record it cannot read goes to {@code <topic>.delivery-service.dlq}), sends email through SendGrid and SMS through
 * Twilio and receives their signed webhooks on {@code /webhooks/**}. Emits:
 * <ul>
 * <li>{@code delivery-results}: one {@code DeliveryResult} per status change of a target (SENT, DELIVERED, FAILED,
 * SKIPPED);</li>
 * <li>{@code delivery-deferrals}: one {@code DeliveryDeferred} per chunk of sends parked by a provider outage;</li>
 * <li>{@code delivery-holds}: one {@code DeliveryHeld} per chunk of SMS held until their property's quiet hours end
 * (README "Never at night");</li>
 * <li>{@code contact-opt-outs}: one {@code ContactOptedOut} per SendGrid unsubscribe or spam report (an SMS STOP
 * reply is a FAILED {@code OPTED_OUT} result instead).</li>
 * </ul>
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
