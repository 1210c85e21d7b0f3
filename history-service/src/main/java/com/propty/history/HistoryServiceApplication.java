package com.propty.history;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * history-service owns the resend history of every notice (CONTRACT §3 {@code GET
 * /api/notices/{id}/resends}): who resent what and when, and how each resend's targets fared, target by target
 * ({@code GET /api/notices/{id}/resends/{resendId}/targets}, JSON pages or CSV); and the audit trail
 * of every property ({@code GET /api/properties/{id}/audit}, property administrators only).
 *
 * <p>Consumes {@code resend-requested} (the resends and their targets), {@code delivery-results}
 * (their outcomes; results of the first dispatch, attempt 1, are ignored) and {@code audit-events} (the entries
 * notice-service and resend-service relay from their outboxes). Emits nothing. Stores its projections in MongoDB.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HistoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HistoryServiceApplication.class, args);
    }
}
