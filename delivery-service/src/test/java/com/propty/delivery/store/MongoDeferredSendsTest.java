package com.propty.delivery.store;

import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.ParkedBatch;
import com.propty.delivery.dispatch.DeferredSends;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryHeld;
import com.propty.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The retry store against the MongoDB-wire server, without Spring: holds are told apart from outage batches. */
class MongoDeferredSendsTest {

    static final Content CONTENT = new Content("Water", "Water off on Monday", "Water off");
    static final Instant NOW = Instant.parse("2026-01-15T13:00:00Z");

    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(),
            "deferred-test-" + UUID.randomUUID().toString().substring(0, 8));
    final MongoDeferredSends deferred = new MongoDeferredSends(mongo);

    @Test
    void aHoldIsStoredAsHeldAndReadBackAsOne() {
        Send sms = new Send("dispatch-1", "p1", "notice-1", "r1", Channel.SMS, 1, "+15145550001");
        deferred.save(ParkedBatch.quietHours("hold-1", Channel.SMS, CONTENT, List.of(sms), NOW.minusSeconds(3600), NOW));

        Document stored = mongo.getCollection("deferred").find().first();
        assertThat(stored.getBoolean("held")).isTrue();
        assertThat(stored.getString("reason")).isEqualTo(DeliveryHeld.QUIET_HOURS);
        assertThat(deferred.claimDue(NOW.minusSeconds(1), Duration.ofMinutes(5), 20)).as("not due before the end")
                .isEmpty();
        List<ParkedBatch> due = deferred.claimDue(NOW, Duration.ofMinutes(5), 20);
        assertThat(due).singleElement().satisfies(b -> {
            assertThat(b.held()).isTrue();
            assertThat(b.reason()).isEqualTo(DeliveryHeld.QUIET_HOURS);
            assertThat(b.tries()).isZero();
            assertThat(b.firstParkedAt()).isEqualTo(NOW.minusSeconds(3600));
            assertThat(b.sends()).containsExactly(sms);
        });
    }

    @Test
    void aBatchStoredBeforeHoldsExistedReadsAsAnOutageBatch() {
        mongo.getCollection("deferred").insertOne(new Document("_id", "old-1").append("channel", "EMAIL")
                .append("content", new Document("title", "Water").append("body", "Water off on Monday")
                        .append("smsText", "Water off"))
                .append("sends", List.of(new Document("attemptId", "dispatch-1").append("propertyId", "p1")
                        .append("noticeId", "notice-1").append("recipientId", "r1").append("attempt", 1)
                        .append("address", "r1@example.com")))
                .append("firstParkedAt", Date.from(NOW.minusSeconds(60))).append("tries", 2)
                .append("nextAttemptAt", Date.from(NOW)).append("reason", "HTTP 503"));

        assertThat(deferred.claimDue(NOW, Duration.ofMinutes(5), 20)).singleElement().satisfies(b -> {
            assertThat(b.held()).isFalse();
            assertThat(b.reason()).isEqualTo("HTTP 503");
            assertThat(b.tries()).isEqualTo(2);
        });
        assertThat(deferred.waiting().parked()).isEqualTo(Map.of(Channel.EMAIL, 1));
        assertThat(deferred.waiting().held()).isEmpty();
    }

    @Test
    void waitingSendsAreCountedApartPerChannel() {
        Send sms = new Send("dispatch-1", "p1", "notice-1", "r1", Channel.SMS, 1, "+15145550001");
        Send other = new Send("dispatch-1", "p1", "notice-1", "r2", Channel.SMS, 1, "+15145550002");
        Send email = new Send("dispatch-1", "p1", "notice-1", "r1", Channel.EMAIL, 1, "r1@example.com");
        deferred.save(ParkedBatch.quietHours("hold-1", Channel.SMS, CONTENT, List.of(sms, other), NOW, NOW.plusSeconds(60)));
        deferred.save(new ParkedBatch("outage-1", Channel.SMS, CONTENT, List.of(sms), NOW, 1, NOW, "HTTP 503", false));
        deferred.save(new ParkedBatch("outage-2", Channel.EMAIL, CONTENT, List.of(email), NOW, 1, NOW, "HTTP 503", false));

        DeferredSends.Waiting waiting = deferred.waiting();

        assertThat(waiting.held()).isEqualTo(Map.of(Channel.SMS, 2));
        assertThat(waiting.parked()).isEqualTo(Map.of(Channel.SMS, 1, Channel.EMAIL, 1));
    }
}
