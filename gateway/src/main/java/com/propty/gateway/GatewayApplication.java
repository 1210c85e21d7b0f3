package com.propty.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The platform's single entry point. It owns no data and no events: it authenticates users (JWT), checks
 * that they are property managers or administrators, forwards their verified identity as a short-lived signed
 * internal token ({@code Authorization: Bearer}, README "Security"), and routes {@code /api/**} to notice-, resend- and history-service and provider webhooks
 * ({@code /webhooks/**}, no JWT: the services check provider signatures) to delivery-service. It also serves
 * the web page's static assets. Consumes and emits no Kafka events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** The time, for what the gateway itself dates (the local dev tokens); a test may fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
