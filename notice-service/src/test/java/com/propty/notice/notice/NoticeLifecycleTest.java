package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.notice.ServiceTestSupport;
import com.propty.notice.store.MongoNoticeStore;
import com.propty.notice.store.MongoPropertyNotices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

class NoticeLifecycleTest extends ServiceTestSupport {

    private Response createDraft(String property, Object body) {
        return call("POST", "/api/properties/" + property + "/notices", body, property);
    }

    private String draft(String property) {
        Response created = createDraft(property, Map.of("title", "Hello", "body", "x".repeat(200),
                "channels", List.of("EMAIL")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").stringValue();
    }

    @Test
    void draftsAreValidatedEditedAndDeleted() {
        String property = newProperty();
        String resident = createResident(property, "Ana", "ana@example.com", null);
        Response created = createDraft(property, Map.of("title", "Hello", "body", "x".repeat(200),
                "channels", List.of("SMS", "EMAIL"), "recipientIds", List.of(resident)));
        assertThat(created.status()).isEqualTo(201);
        JsonNode notice = created.body();
        assertThat(notice.get("status").stringValue()).isEqualTo("DRAFT");
        assertThat(notice.get("smsText").stringValue()).hasSize(160);
        assertThat(notice.get("channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
        assertThat(notice.get("createdBy").get("id").stringValue()).isEqualTo("user-1");
        assertThat(notice.get("stats").get("recipients").asLong()).isZero();
        String id = notice.get("id").stringValue();

        Response invalid = createDraft(property, Map.of("title", "", "body", "b", "smsText", "s".repeat(1601),
                "channels", List.of("FAX"), "recipientIds", List.of()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("code").stringValue()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "smsText", "channels", "recipientIds");
        Response stranger = createDraft(property, Map.of("title", "t", "body", "b", "channels", List.of("EMAIL"),
                "recipientIds", List.of("not-a-resident")));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(createDraft(property, "{\"title\":").status()).isEqualTo(400);
        assertThat(call("POST", "/api/properties/" + property + "/notices", Map.of("title", "t"), newProperty())
                .status()).isEqualTo(404);

        Response patched = call("PATCH", "/api/notices/" + id, "{\"body\":\"Short body\",\"recipientIds\":null}",
                property);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("smsText").stringValue()).isEqualTo("Short body");
        assertThat(patched.body().get("recipientIds").isNull()).isTrue();
        assertThat(call("PATCH", "/api/notices/" + id, "{\"channels\":[]}", property).status()).isEqualTo(400);

        Response page = call("GET", "/api/properties/" + property + "/notices?status=DRAFT&page=0&size=10", null,
                property);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(call("GET", "/api/properties/" + property + "/notices?status=LOST", null, property).status())
                .isEqualTo(400);

        assertThat(call("DELETE", "/api/notices/" + id, null, newProperty()).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/notices/" + id, null, property).status()).isEqualTo(204);
        assertThat(call("GET", "/api/notices/" + id, null, property).status()).isEqualTo(404);
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void theListShowsThePropertysOwnNoticesNewestFirstFromItsListIncludingNoticesFromBeforeListsExisted() {
        String property = newProperty();
        String elsewhere = newProperty();
        draft(elsewhere);
        String older = draft(property);
        String deleted = draft(property);
        // a notice stored before the property's list existed (no list entry at all): found by the one-time build
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        String legacy = "legacy-" + System.nanoTime();
        mongo.insert(new Notice(legacy, property, "Old", "Old notice", null, List.of(com.propty.events.Channel.EMAIL),
                null, NoticeStatus.DRAFT, new com.propty.events.Requester("user-1", "U"), then, then, null, null, false,
                DeliveryStats.NONE, null, null), MongoNoticeStore.COLLECTION);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .is(MongoPropertyNotices.headerKey(property))),
                MongoPropertyNotices.COLLECTION);
        String newest = draft(property);
        assertThat(call("DELETE", "/api/notices/" + deleted, null, property).status()).isEqualTo(204);

        JsonNode page = call("GET", "/api/properties/" + property + "/notices?page=0&size=10", null, property).body();
        assertThat(ids(page)).containsExactly(newest, older, legacy);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        JsonNode second = call("GET", "/api/properties/" + property + "/notices?page=1&size=2", null, property).body();
        assertThat(ids(second)).containsExactly(legacy);
        assertThat(second.get("totalItems").asLong()).isEqualTo(3);
        assertThat(call("GET", "/api/properties/" + property + "/notices?status=SENT", null, property).body()
                .get("totalItems").asLong()).isZero();

        // from now on the list is read by key: a notice created later is in it, built or not
        String latest = draft(property);
        assertThat(ids(call("GET", "/api/properties/" + property + "/notices?page=0&size=1", null, property).body()))
                .containsExactly(latest);
        assertThat(mongo.findById(MongoPropertyNotices.headerKey(property), org.bson.Document.class,
                MongoPropertyNotices.COLLECTION).getBoolean("built")).isTrue();
    }

    @Test
    void aPropertyWithoutNoticesListsNoneOnEveryReadAndItsFirstNoticeOnceCreated() {
        String property = newProperty();
        for (int read = 0; read < 3; read++) { // the first read builds the (empty) list, the next ones read it
            Response page = call("GET", "/api/properties/" + property + "/notices?page=0&size=20", null, property);
            assertThat(page.status()).as("read %d", read).isEqualTo(200);
            assertThat(page.body().get("totalItems").asLong()).isZero();
        }
        String first = draft(property);
        assertThat(ids(call("GET", "/api/properties/" + property + "/notices", null, property).body()))
                .containsExactly(first);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
        return ids;
    }

    @Test
    void onlyDraftsAndScheduledNoticesCanBeSentOrScheduled() {
        String property = newProperty();
        createResident(property, "Ana", "ana@example.com", null);
        String id = draft(property);

        Response past = call("POST", "/api/notices/" + id + "/schedule", Map.of("sendAt", "2020-01-01T00:00:00Z"),
                property);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("code").stringValue()).isEqualTo("SEND_AT_IN_PAST");
        assertThat(call("POST", "/api/notices/" + id + "/cancel", null, property).body().get("code").stringValue())
                .isEqualTo("NOTICE_NOT_SCHEDULED");

        String later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        Response scheduled = call("POST", "/api/notices/" + id + "/schedule", Map.of("sendAt", later), property);
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.body().get("status").stringValue()).isEqualTo("SCHEDULED");
        String evenLater = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        assertThat(call("POST", "/api/notices/" + id + "/schedule", Map.of("sendAt", evenLater), property)
                .body().get("scheduledAt").stringValue()).isEqualTo(evenLater);
        assertThat(call("PATCH", "/api/notices/" + id, "{\"title\":\"New\"}", property).body().get("code")
                .stringValue()).isEqualTo("NOTICE_NOT_DRAFT");
        Response cancelled = call("POST", "/api/notices/" + id + "/cancel", null, property);
        assertThat(cancelled.body().get("status").stringValue()).isEqualTo("DRAFT");
        assertThat(cancelled.body().get("scheduledAt").isNull()).isTrue();

        Response sent = call("POST", "/api/notices/" + id + "/send", null, property);
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().get("status").stringValue()).isEqualTo("SENDING");
        for (String action : List.of("send", "schedule")) {
            Response again = call("POST", "/api/notices/" + id + "/" + action, Map.of("sendAt", later), property);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().get("code").stringValue()).isEqualTo("NOTICE_NOT_DRAFT");
        }
        assertThat(call("PATCH", "/api/notices/" + id, "{\"title\":\"New\"}", property).status()).isEqualTo(409);
        assertThat(call("DELETE", "/api/notices/" + id, null, property).status()).isEqualTo(409);
        // Shape before state: a bad body on a sent notice is a 400, not a 409.
        assertThat(call("PATCH", "/api/notices/" + id, "{\"title\":\"\"}", property).status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call("GET", "/api/notices/" + id, null, property).body().get("stats").get("recipients").asLong())
                .isEqualTo(1));
    }

    @Test
    void aScheduledNoticeIsSentByThePollerWhenItsTimeComes() {
        String property = newProperty();
        createResident(property, "Ana", "ana@example.com", null);
        String id = draft(property);
        Response scheduled = call("POST", "/api/notices/" + id + "/schedule",
                Map.of("sendAt", Instant.now().plusMillis(1500).toString()), property);
        assertThat(scheduled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode notice = call("GET", "/api/notices/" + id, null, property).body();
            assertThat(notice.get("status").stringValue()).isEqualTo("SENDING");
            assertThat(notice.get("stats").get("email").get("pending").asLong()).isEqualTo(1);
        });
    }
}
