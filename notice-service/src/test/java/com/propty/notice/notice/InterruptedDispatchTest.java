package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Requester;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.notice.store.MongoDispatchesUnderWay;
import com.propty.notice.store.MongoNoticeStore;
import com.propty.notice.store.MongoSendSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The work queues in the running service: filled by its requests, emptied by its jobs, refilled at start-up. */
class InterruptedDispatchTest extends ServiceTestSupport {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ScheduledSending sending;

    @Test
    void aDispatchInterruptedBeforeTheQueueExistedIsQueuedAtStartUpAndFinishedWithItsChunks() {
        String property = newProperty();
        String resident = createResident(property, "Ana", "ana@example.com", null);
        Instant crashed = Instant.now().minus(Duration.ofMinutes(10));
        Notice interrupted = mongo.insert(new Notice(UUID.randomUUID().toString(), property, "Water cut",
                "Tomorrow 9-11", null, List.of(Channel.EMAIL), null, NoticeStatus.SENDING,
                new Requester("user-1", "Manager One"), crashed, crashed, null, null, false, DeliveryStats.NONE,
                new Notice.Dispatch(UUID.randomUUID().toString(), false, 0, 0, false, crashed.plusSeconds(120),
                        crashed), null), MongoNoticeStore.COLLECTION);

        sending.enqueueExisting();
        sending.resumeAbandonedDispatches();

        List<ConsumerRecord<String, String>> chunks = read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(interrupted.id() + ":"), 1, Duration.ofSeconds(30));
        NoticeDispatchRequested chunk = JSON.readValue(chunks.get(0).value(), NoticeDispatchRequested.class);
        assertThat(chunk.dispatchId()).isEqualTo(interrupted.dispatch().dispatchId());
        assertThat(chunk.targets()).singleElement().satisfies(t -> assertThat(t.recipientId()).isEqualTo(resident));
        assertThat(mongo.findById(interrupted.id(), Notice.class, MongoNoticeStore.COLLECTION).dispatch().dispatched()).isTrue();
        assertThat(entries(MongoDispatchesUnderWay.COLLECTION, interrupted.id())).isZero();
    }

    @Test
    void schedulingQueuesTheNoticeAndCancellingEmptiesTheQueueAgain() {
        String property = newProperty();
        String id = scheduledForTomorrow(property);
        assertThat(entries(MongoSendSchedule.COLLECTION, id)).isEqualTo(1);

        assertThat(call("POST", "/api/notices/" + id + "/cancel", null, property).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> entries(MongoSendSchedule.COLLECTION, id) == 0);
        assertThat(call("GET", "/api/notices/" + id, null, property).body().get("status").stringValue())
                .isEqualTo("DRAFT");
    }

    @Test
    void sendingAScheduledNoticeByHandTakesItOffTheScheduleAndOffTheDispatchesWhenDispatched() {
        String property = newProperty();
        String id = scheduledForTomorrow(property);

        assertThat(call("POST", "/api/notices/" + id + "/send", null, property).status()).isEqualTo(202);

        assertThat(entries(MongoSendSchedule.COLLECTION, id)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(MongoDispatchesUnderWay.COLLECTION, id) == 0);
        assertThat(mongo.findById(id, Notice.class, MongoNoticeStore.COLLECTION).dispatch().dispatched()).isTrue();
    }

    private String scheduledForTomorrow(String property) {
        createResident(property, "Ana", "ana@example.com", null);
        String id = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Hello", "body", "Body", "channels", List.of("EMAIL")), property)
                .body().get("id").stringValue();
        assertThat(call("POST", "/api/notices/" + id + "/schedule",
                Map.of("sendAt", Instant.now().plus(Duration.ofDays(1)).toString()), property).status())
                .isEqualTo(200);
        return id;
    }

    private long entries(String collection, String noticeId) {
        return mongo.count(Query.query(Criteria.where("_id").is(noticeId)), collection);
    }
}
