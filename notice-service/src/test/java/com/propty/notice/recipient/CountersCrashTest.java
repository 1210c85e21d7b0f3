package com.propty.notice.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Requester;
import com.propty.events.Target;
import com.propty.kit.messaging.Consumed;
import com.propty.notice.ServiceTestSupport;
import com.propty.notice.notice.CombinationCounts;
import com.propty.notice.notice.NoticeCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The counters stay equal to a recount when a batch is applied twice, and when a process dies between writing the
 * counters and writing the recipients (the batch is then redelivered: recognised by its offsets, not counted twice).
 * Batches are applied straight to the projection, at positions of a topic no consumer reads, so the real consumer's
 * watermarks are not involved.
 */
class CountersCrashTest extends ServiceTestSupport {

    private static final String POSITION_TOPIC = "counters-crash-test";

    @Autowired
    RecipientProjection projection;
    @Autowired
    NoticeCounters counters;
    @Autowired
    Recipients recipients;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aBatchAppliedTwiceIsCountedOnce() {
        Sent sent = send();
        List<Consumed<Object>> batch = List.of(at(10, delivered(sent, sent.ann)), at(11, bounced(sent, sent.ben)));

        projection.apply(batch);
        projection.apply(batch);

        assertThat(counters.byId(sent.noticeId).total()).isEqualTo(recount(sent.noticeId));
        JsonNode email = stats(sent).get("email");
        assertThat(email.get("delivered").asLong()).isEqualTo(1);
        assertThat(email.get("failed").asLong()).isEqualTo(1);
        assertThat(filtered(sent, "FAILED")).containsExactly(sent.ben);
        assertThat(filtered(sent, "DELIVERED")).containsExactly(sent.ann);
        assertThat(filtered(sent, "PENDING")).isEmpty();
    }

    @Test
    void aBatchRedeliveredAfterACrashBetweenItsTwoWritesIsRepairedNotCountedTwice() {
        Sent sent = send();
        projection.apply(List.of(at(20, delivered(sent, sent.ann)), at(21, bounced(sent, sent.ben))));
        Document benBefore = mongo.findById(Recipient.id(sent.noticeId, sent.ben), Document.class, "recipients");
        List<Consumed<Object>> claim = List.of(at(22, ResendRequested.of("resend-crash-" + sent.noticeId,
                sent.noticeId, sent.property, ResendScope.FAILED_ONLY, new Requester("user-1", "Manager"),
                Instant.now(), new Content("t", "b", "s"),
                List.of(new Target(sent.ben, Channel.EMAIL, 2, sent.ben + "@example.com")), 0, 1,
                new ChannelTotals(1, 0), 1)));

        projection.apply(claim);
        // what a kill -9 after the counters' write and before the recipients' leaves: the claim counted, not stored
        mongo.save(benBefore, "recipients");
        assertThat(counters.byId(sent.noticeId).total()).isNotEqualTo(recount(sent.noticeId));

        projection.apply(claim);

        assertThat(counters.byId(sent.noticeId).total()).isEqualTo(recount(sent.noticeId));
        JsonNode email = stats(sent).get("email");
        assertThat(email.get("failed").asLong()).isZero();
        assertThat(email.get("pending").asLong()).isEqualTo(1);
        assertThat(email.get("delivered").asLong()).isEqualTo(1);
        // the filtered views (positions of each status, written before the recipients) agree with the recipients
        assertThat(filtered(sent, "FAILED")).isEmpty();
        assertThat(filtered(sent, "PENDING")).containsExactly(sent.ben);
    }

    private record Sent(String property, String noticeId, String dispatchId, String ann, String ben) {
    }

    private Sent send() {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        String ben = createResident(property, "Ben Ray", "ben@example.com", null);
        NoticeDispatchRequested chunk = sendEmailNotice(property);
        await().atMost(Duration.ofSeconds(30)).until(() -> counters.byId(chunk.noticeId()) != null);
        return new Sent(property, chunk.noticeId(), chunk.dispatchId(), ann, ben);
    }

    private static Consumed<Object> at(long offset, Object event) {
        return new Consumed<>(POSITION_TOPIC, 0, offset, event);
    }

    private static DeliveryResult delivered(Sent sent, String recipient) {
        return DeliveryResult.of("p1", sent.noticeId, recipient, Channel.EMAIL, 1, sent.dispatchId, DeliveryStatus.DELIVERED,
                null, null, null, "sendgrid", "m-" + recipient, recipient + "@example.com");
    }

    private static DeliveryResult bounced(Sent sent, String recipient) {
        return DeliveryResult.of("p1", sent.noticeId, recipient, Channel.EMAIL, 1, sent.dispatchId, DeliveryStatus.FAILED,
                ErrorCode.BOUNCED, "550", "bounced", "sendgrid", "m-" + recipient, recipient + "@example.com");
    }

    private CombinationCounts recount(String noticeId) {
        return CombinationCounts.of(recipients.combinations(noticeId));
    }

    /** The recipient ids of the table filtered by one status, through the API. */
    private List<String> filtered(Sent sent, String status) {
        JsonNode page = call("GET", "/api/notices/" + sent.noticeId + "/recipients?status=" + status, null,
                sent.property).body();
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(row -> ids.add(row.get("recipientId").stringValue()));
        return ids;
    }

    private JsonNode stats(Sent sent) {
        return call("GET", "/api/notices/" + sent.noticeId, null, sent.property).body().get("stats");
    }
}
