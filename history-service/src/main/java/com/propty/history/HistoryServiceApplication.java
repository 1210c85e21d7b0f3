package com.propty.history;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * history-service owns the resend history of every notice (CONTRACT §3 {@code GET
 * /api/notices/{id}/resends}): who resent what and when, and how each resend's targets fared.
 *
 * <p>Consumes {@code resend-requested} (the resends and their targets) and {@code delivery-results}
 * (their outcomes; results of the first dispatch, attempt 1, are ignored). Emits nothing. Stores its
 * projection in MongoDB.
 */
@SpringBootApplication
public class HistoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HistoryServiceApplication.class, args);
    }
}
