package com.propty.history.web;

import static com.propty.testsupport.Problems.assertProblem;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded;
import com.propty.events.Requester;
import com.propty.events.Topics;
import com.propty.testsupport.DirectCalls;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.TestInfrastructure;
import com.propty.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/properties/{id}/audit} against a real broker and MongoDB-wire server: entries published raw on
 * {@code audit-events} (duplicated, out of order) are read by a property admin newest first, page by page;
 * a manager gets 403, another property's admin 404, bad paging 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class AuditApiTest {


    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Test
    void anAdminReadsTheEntriesNewestFirstPageByPageWithDuplicatesKeptOnce() throws Exception {
        String property = "prop-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        List<AuditRecorded> entries = new ArrayList<>();
        AuditAction[] actions = AuditAction.values();
        for (int i = 0; i < 5; i++) {
            entries.add(AuditRecorded.of(property, new Requester("admin-1", "Ada Admin"), actions[i],
                    new AuditRecorded.AuditTarget("notice", "n" + i), "req-000" + i,
                    Map.of("n", String.valueOf(i)), t0.plusSeconds(i)));
        }
        // an unmasked address from a faulty producer, and two entries at the same millisecond
        entries.add(AuditRecorded.of(property, new Requester("admin-1", "Ada Admin"), AuditAction.RESIDENT_CREATED,
                new AuditRecorded.AuditTarget("resident", "r1"), "req-00005", Map.of("email", "ann@example.com"),
                t0.plusSeconds(4)));
        for (AuditRecorded entry : List.of(entries.get(3), entries.get(0), entries.get(5), entries.get(1),
                entries.get(4), entries.get(2), entries.get(0), entries.get(3))) {
            send(entry);
        }
        await().atMost(20, SECONDS).until(() -> body(get(property, "", admin(property))).get("items").size() == 6);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = get(property, "?size=4" + (cursor == null ? "" : "&before=" + cursor),
                    admin(property));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = body(response);
            page.get("items").forEach(item -> seen.add(item.get("entryId").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        AuditRecorded tieA = entries.get(4).entryId().compareTo(entries.get(5).entryId()) > 0 ? entries.get(4)
                : entries.get(5);
        AuditRecorded tieB = tieA == entries.get(4) ? entries.get(5) : entries.get(4);
        assertThat(seen).containsExactly(tieA.entryId(), tieB.entryId(), entries.get(3).entryId(),
                entries.get(2).entryId(), entries.get(1).entryId(), entries.get(0).entryId());

        JsonNode first = body(get(property, "?size=50", admin(property))).get("items");
        JsonNode oldest = first.get(5);
        assertThat(oldest.get("at").asString()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(oldest.get("action").asString()).isEqualTo(actions[0].name());
        assertThat(oldest.get("actor").get("name").asString()).isEqualTo("Ada Admin");
        assertThat(oldest.get("target").get("id").asString()).isEqualTo("n0");
        assertThat(oldest.get("requestId").asString()).isEqualTo("req-0000");
        assertThat(oldest.get("details").get("n").asString()).isEqualTo("0");
        assertThat(first.toString()).doesNotContain("ann@example.com").contains("a***@example.com");
    }

    @Test
    void aManagerIsForbiddenAnotherPropertysAdminSeesNothingAndBadPagingIs400() throws Exception {
        String property = "prop-" + UUID.randomUUID();
        assertProblem(get(property, "", InternalTokens.manager("manager-1", property)), 403, "FORBIDDEN");
        assertProblem(get(property, "", admin("prop-other")), 404, "NOT_FOUND");
        assertProblem(get(property, "?before=not-a-cursor", admin(property)), 400, "VALIDATION_FAILED");
        assertProblem(get(property, "?size=0", admin(property)), 400, "VALIDATION_FAILED");
        assertProblem(get(property, "?size=abc", admin(property)), 400, "VALIDATION_FAILED");
        HttpResponse<String> empty = get(property, "", admin(property));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(body(empty).get("items").size()).isZero();
        assertThat(body(empty).get("next").isNull()).isTrue();
    }

    static String admin(String property) {
        return InternalTokens.forCaller("admin-1", "Ada Admin", List.of("PROPERTY_ADMIN"), List.of(property));
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void anUnreadableOrIncompleteEntryIsDeadLetteredAloneAndTheRestIsKept() throws Exception {
        String property = "prop-" + UUID.randomUUID();
        String poison = "{not json " + property;
        String incomplete = "{\"type\":\"AuditRecorded\",\"propertyId\":\"" + property + "\"}"; // no id, no time
        TestInfrastructure.publish(Topics.AUDIT_EVENTS, property, poison);
        send(AuditRecorded.of(property, new Requester("admin-1", "Ada Admin"), AuditAction.RESIDENT_CREATED,
                new AuditRecorded.AuditTarget("resident", "r1"), "req-dlq", Map.of(), Instant.now()));
        TestInfrastructure.publish(Topics.AUDIT_EVENTS, property, incomplete);

        await().atMost(20, SECONDS).until(() -> body(get(property, "", admin(property))).get("items").size() == 1);
        List<String> dead = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(),
                "audit-events.history-service.dlq", r -> r.value().contains(property), 2, Duration.ofSeconds(30))
                .stream().map(r -> r.value()).toList();
        assertThat(dead).containsExactlyInAnyOrder(poison, incomplete);
    }

    void send(AuditRecorded entry) throws Exception {
        TestInfrastructure.publish(Topics.AUDIT_EVENTS, entry.propertyId(), json.writeValueAsString(entry));
    }

    HttpResponse<String> get(String property, String query, String token) {
        return new DirectCalls(port).get("/api/properties/" + property + "/audit" + query, token);
    }
}
