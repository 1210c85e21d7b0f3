package com.propty.resend;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * resend-service owns resending a notice's failures (CONTRACT §1, §3 "Resends"): the resend dialog's
 * options, accepting a resend, and the claims that keep two resends from sending one channel twice.
 *
 * <p>Reads notice state from notice-service's internal API ({@code NOTICE_SERVICE_URL}); stores claims,
 * idempotency keys and resend records in MongoDB. Emits {@code resend-requested} (chunks of
 * {@code ResendRequested}); consumes {@code delivery-results} (to release claims).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ResendServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResendServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
