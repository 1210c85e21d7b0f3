package com.propty.notice.audit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.testsupport.InternalTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every audited action of notice-service writes its entry to the outbox with its own write, and the relay publishes
 * it on {@code audit-events} (real broker) and marks it published.
 */
class AuditTrailTest extends ServiceTestSupport {

    @Autowired
    MongoTemplate mongo;

    List<Document> outbox(String property) {
        return mongo.find(Query.query(Criteria.where("key").is(property)), Document.class, "audit_outbox");
    }

    Response as(String method, String path, Object body, String property, String requestId) {
        return callWithToken(method, path, body, InternalTokens.forCaller("user-1", "Manager One",
                List.of("PROPERTY_ADMIN"), List.of(property)), "Content-Type", "application/json",
                "X-Request-Id", requestId);
    }

    @Test
    void eachResidentChangeIsOneOutboxEntryWithMaskedAddressesAndTheRequestId() {
        String property = newProperty();
        String id = as("POST", "/api/properties/" + property + "/residents",
                Map.of("name", "Ann Lee", "email", "ann@example.com"), property, "req-create-1").body().get("id")
                .asString();
        assertThat(as("PATCH", "/api/residents/" + id, Map.of("email", "ann.lee@example.com", "unit", "4B"),
                property, "req-patch-1").status()).isEqualTo(200);
        assertThat(as("DELETE", "/api/residents/" + id, null, property, "req-archive-1").status()).isEqualTo(204);
        // a refused change records nothing
        assertThat(as("PATCH", "/api/residents/" + id, Map.of("email", "nope"), property, "req-bad-1").status())
                .isEqualTo(400);

        List<AuditRecorded> entries = outbox(property).stream()
                .map(d -> JSON.readValue(d.getString("event"), AuditRecorded.class))
                .sorted(java.util.Comparator.comparing(AuditRecorded::occurredAt)).toList();
        assertThat(entries).extracting(AuditRecorded::action).containsExactly(AuditAction.RESIDENT_CREATED,
                AuditAction.RESIDENT_UPDATED, AuditAction.RESIDENT_ARCHIVED);
        assertThat(entries).extracting(AuditRecorded::requestId)
                .containsExactly("req-create-1", "req-patch-1", "req-archive-1");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.propertyId()).isEqualTo(property);
            assertThat(e.actor().id()).isEqualTo("user-1");
            assertThat(e.target()).isEqualTo(new AuditRecorded.AuditTarget("resident", id));
        });
        assertThat(entries.get(0).details()).containsEntry("email", "a***@example.com");
        assertThat(entries.get(1).details()).containsEntry("fields", "email,unit").containsEntry("email",
                "a***@example.com");
        assertThat(outbox(property).toString()).doesNotContain("ann@example.com", "ann.lee@example.com");
    }

    @Test
    void sendScheduleCancelAndAnImportAreRecordedAndTheRelayPublishesThemByProperty() {
        String property = newProperty();
        String roll = "name,email\nAnn,ann@example.com\nBob,bob@example.com\nCy,not-an-email\n";
        call("POST", "/api/properties/" + property + "/residents:import?dryRun=true", "text/csv", roll, property);
        assertThat(outbox(property)).as("a dry run is not audited").isEmpty();
        assertThat(call("POST", "/api/properties/" + property + "/residents:import", "text/csv", roll, property)
                .status()).isEqualTo(200);

        String scheduled = notice(property);
        assertThat(call("POST", "/api/notices/" + scheduled + "/schedule",
                Map.of("sendAt", Instant.now().plusSeconds(3600).toString()), property).status()).isEqualTo(200);
        assertThat(call("POST", "/api/notices/" + scheduled + "/cancel", null, property).status()).isEqualTo(200);
        String sent = notice(property);
        assertThat(call("POST", "/api/notices/" + sent + "/send", null, property).status()).isEqualTo(202);

        assertThat(outbox(property)).hasSize(4);
        List<AuditRecorded> published = read(Topics.AUDIT_EVENTS, r -> property.equals(r.key()), 4,
                Duration.ofSeconds(30)).stream().map(r -> JSON.readValue(r.value(), AuditRecorded.class)).toList();
        assertThat(published).extracting(AuditRecorded::action).containsExactlyInAnyOrder(
                AuditAction.RESIDENTS_IMPORTED, AuditAction.NOTICE_SCHEDULED, AuditAction.NOTICE_CANCELLED,
                AuditAction.NOTICE_SENT);
        AuditRecorded imported = published.stream().filter(e -> e.action() == AuditAction.RESIDENTS_IMPORTED)
                .findFirst().orElseThrow();
        assertThat(imported.details()).containsEntry("rows", "3").containsEntry("created", "2")
                .containsEntry("rejected", "1").containsEntry("updated", "0").containsEntry("archived", "0");
        assertThat(imported.target().type()).isEqualTo("import");
        assertThat(published).filteredOn(e -> e.action() == AuditAction.NOTICE_SENT).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo(new AuditRecorded.AuditTarget("notice", sent)));
        assertThat(published).allSatisfy(e -> assertThat(e.requestId()).isNotBlank());
        await().atMost(10, SECONDS).until(() -> outbox(property).stream().allMatch(d -> d.getBoolean("published")));
    }

    private String notice(String property) {
        return call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Lift", "body", "The lift is back.", "channels", List.of("EMAIL")), property)
                .body().get("id").asString();
    }
}
