package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded;
import com.propty.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and its relay against a real MongoDB-wire server, with the broker faked: what is marked, and when. */
class AuditRelayTest {


    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), "audit-" + System.nanoTime());
    final JsonMapper json = JsonMapper.builder().build();
    final AuditOutbox outbox = new AuditOutbox(mongo, json, Clock.systemUTC());
    final Caller ann = new Caller("ann", "Ann", Set.of("PROPERTY_ADMIN"), Set.of("p1"));
    final List<AuditOutbox.Pending> published = new ArrayList<>();

    AuditRecorded record(int i) {
        return outbox.record(ann, "p1", AuditAction.NOTICE_SENT, new AuditRecorded.AuditTarget("notice", "n" + i),
                Map.of("channels", "EMAIL"));
    }

    AuditRelay relay(AuditRelay.Publisher publisher) {
        return new AuditRelay(outbox, publisher, Duration.ofSeconds(1), 2, Duration.ofHours(1), Clock.systemUTC());
    }

    @Test
    void pendingEntriesGoOutInBatchesKeyedByPropertyAndAreMarkedPublished() {
        List<AuditRecorded> entries = List.of(record(1), record(2), record(3));
        assertThat(relay(published::addAll).relay()).isEqualTo(3);

        assertThat(published).extracting(AuditOutbox.Pending::entryId)
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(AuditRecorded::entryId).toList());
        assertThat(published).allSatisfy(p -> assertThat(p.key()).isEqualTo("p1"));
        assertThat(published).extracting(p -> json.readValue(p.event(), AuditRecorded.class))
                .containsExactlyInAnyOrderElementsOf(entries);
        assertThat(mongo.findAll(Document.class, AuditOutbox.COLLECTION))
                .allSatisfy(d -> assertThat(d.getBoolean("published")).isTrue());
        assertThat(relay(published::addAll).relay()).as("nothing pending any more").isZero();
    }

    @Test
    void aBatchTheBrokerRefusedStaysPendingAndGoesOutOnTheNextTick() {
        AuditRecorded entry = record(1);
        assertThatThrownBy(() -> relay(batch -> {
            throw new IllegalStateException("broker down");
        }).relay()).hasMessage("broker down");
        assertThat(mongo.findById(entry.entryId(), Document.class, AuditOutbox.COLLECTION).getBoolean("published"))
                .isFalse();

        assertThat(relay(published::addAll).relay()).isEqualTo(1);
        assertThat(published).extracting(AuditOutbox.Pending::entryId).containsExactly(entry.entryId());
    }
}
