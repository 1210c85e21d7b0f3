package com.propty.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail through the gateway: a send, a resident change, an import and a resend by a manager are read back
 * by the property's admin, newest first, with request ids and masked addresses; the manager may not read them.
 */
class AuditTrailJourneyTest {

    @Test
    void anAdminReadsWhatTheManagerDidNewestFirstAndTheManagerIsForbidden() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        Api manager = journey.api;
        String bobsNewEmail = journey.email("bob", "example.com");
        manager.ok(manager.send("PATCH", "/api/residents/" + journey.residents.get("Bob"),
                Map.of("email", bobsNewEmail), Map.of("X-Request-Id", "journey-patch-0001")), 200);
        JsonNode imported = manager.ok(manager.post("/api/properties/" + journey.property + "/residents:import",
                List.of(Map.of("name", "Zed New", "email", journey.email("zed", "example.com")))), 200);
        assertThat(imported.get("created").asInt()).isEqualTo(1);
        String resendId = manager.ok(manager.post("/api/notices/" + notice + "/resends",
                Map.of("scope", "FAILED_ONLY")), 202).get("resendId").asString();

        Api admin = Api.signInAs(RunningPlatform.get().settings().gatewayUrl(), "PROPERTY_ADMIN",
                "admin-" + journey.property, journey.property);
        List<String> newestFirst = List.of("RESEND_REQUESTED", "RESIDENTS_IMPORTED", "RESIDENT_UPDATED", "NOTICE_SENT");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode items = admin.ok(admin.get("/api/properties/" + journey.property + "/audit?size=4"), 200)
                    .get("items");
            assertThat(actions(items)).containsExactlyElementsOf(newestFirst);
        });

        Api.Reply all = admin.get("/api/properties/" + journey.property + "/audit?size=50");
        JsonNode items = admin.ok(all, 200).get("items");
        assertThat(actions(items).subList(4, items.size())).as("the usual mix, created by hand")
                .hasSize(journey.residents.size()).containsOnly("RESIDENT_CREATED");
        Instant previous = Instant.MAX;
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.get("at").asString());
            assertThat(at).isBeforeOrEqualTo(previous);
            previous = at;
            assertThat(item.get("requestId").asString()).isNotBlank();
            assertThat(item.get("actor").get("id").asString()).isEqualTo("manager-" + journey.property);
        }
        assertThat(items.get(0).get("target").get("id").asString()).isEqualTo(resendId);
        assertThat(items.get(0).get("details").get("scope").asString()).isEqualTo("FAILED_ONLY");
        assertThat(items.get(1).get("details").get("created").asString()).isEqualTo("1");
        JsonNode patched = items.get(2);
        assertThat(patched.get("requestId").asString()).isEqualTo("journey-patch-0001");
        assertThat(patched.get("details").get("fields").asString()).isEqualTo("email");
        assertThat(patched.get("details").get("email").asString()).isEqualTo("b***@example.com");
        assertThat(items.get(3).get("target").get("id").asString()).isEqualTo(notice);
        assertThat(all.raw()).as("no address in full").doesNotContain(bobsNewEmail, "." + journey.property + "@");

        Api.Reply forbidden = manager.get("/api/properties/" + journey.property + "/audit");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
    }

    private static List<String> actions(JsonNode items) {
        List<String> actions = new ArrayList<>();
        items.forEach(item -> actions.add(item.get("action").asString()));
        return actions;
    }
}
