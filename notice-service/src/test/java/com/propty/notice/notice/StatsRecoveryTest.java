package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * A process killed after applying a batch but before recomputing the notice's stats leaves the durable
 * {@code statsDirty} mark on the notice: the recovery job finds it and recomputes, so the stats are exact again.
 */
class StatsRecoveryTest extends ServiceTestSupport {

    @Autowired
    NoticeProgress progress;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aNoticeLeftDirtyByAKilledProcessIsRecomputedByTheRecoveryJob() {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        String ben = createResident(property, "Ben Ray", "ben@example.com", null);
        NoticeDispatchRequested chunk = sendEmailNotice(property);
        String noticeId = chunk.noticeId();
        for (String recipient : List.of(ann, ben)) {
            DeliveryResult delivered = DeliveryResult.of(noticeId, recipient, Channel.EMAIL, 1, chunk.dispatchId(),
                    DeliveryStatus.DELIVERED, null, null, null, "sendgrid", "m-" + recipient, recipient + "@example.com");
            publish(Topics.DELIVERY_RESULTS, Topics.resultKey(noticeId, recipient), JSON.writeValueAsString(delivered));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(noticeId, property) == 2);

        // what a kill -9 between applying a batch and recomputing leaves: states applied, stats stale, the mark set
        // (and no in-memory mark, the process being new)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), new Update()
                .set("stats.email.delivered", 0).set("stats.email.pending", 2).set("status", "SENDING")
                .set("statsDirty", true), Notice.class);
        assertThat(delivered(noticeId, property)).isZero();

        progress.markLeftOvers();

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(noticeId, property) == 2);
        JsonNode notice = call("GET", "/api/notices/" + noticeId, null, property).body();
        assertThat(notice.get("status").stringValue()).isEqualTo("SENT");
        assertThat(notice.get("stats").get("email").get("pending").asLong()).isZero();
        assertThat(mongo.findById(noticeId, Document.class, "notices").getBoolean("statsDirty")).isFalse();
    }

    private long delivered(String noticeId, String property) {
        return call("GET", "/api/notices/" + noticeId, null, property).body().get("stats").get("email").get("delivered")
                .asLong();
    }
}
