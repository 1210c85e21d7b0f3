package com.propty.history.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditMaskTest {

    @Test
    void anUnmaskedEmailOrPhoneIsMaskedAndEverythingElseKept() {
        assertThat(AuditMask.details(Map.of("email", "ann@example.com", "phone", "+15145550123", "fields",
                "email,phone", "created", "12", "sendAt", "2026-01-01T00:00:00Z")))
                .containsEntry("email", "a***@example.com").containsEntry("phone", "***0123")
                .containsEntry("fields", "email,phone").containsEntry("created", "12")
                .containsEntry("sendAt", "2026-01-01T00:00:00Z");
    }

    @Test
    void anAlreadyMaskedValueIsLeftAlone() {
        assertThat(AuditMask.details(Map.of("email", "a***@example.com", "phone", "***0123")))
                .containsEntry("email", "a***@example.com").containsEntry("phone", "***0123");
        assertThat(AuditMask.details(null)).isEmpty();
    }
}
