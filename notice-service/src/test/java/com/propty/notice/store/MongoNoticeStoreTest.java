package com.propty.notice.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.Requester;
import com.propty.notice.notice.DeliveryStats;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.NoticeDraftRules;
import com.propty.notice.notice.NoticeStatus;
import com.propty.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The notices' store on the MongoDB-wire server, without Spring: each change is conditional on the notice's state, so
 * a use case that checked the state a moment before can never edit, delete or schedule a notice that moved on.
 */
class MongoNoticeStoreTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), "notices-" + System.nanoTime());
    final MongoNoticeStore store = new MongoNoticeStore(mongo);

    private Notice draft(String id) {
        return store.insert(new Notice(id, "p-1", "Water", "Off on Monday.", "Water off Monday", List.of(Channel.EMAIL,
                Channel.SMS), List.of("r-1"), NoticeStatus.DRAFT, new Requester("u-1", "Ann"), T0, T0, null, null, false,
                DeliveryStats.NONE, null, null));
    }

    @Test
    void aDraftIsEditedAndItsNullFieldsGoBackToTheirDefaults() {
        draft("n-1");
        Notice edited = store.editDraft("n-1", new NoticeDraftRules.Draft("Water, again", "Off on Tuesday.", null,
                List.of(Channel.EMAIL), null), T0.plusSeconds(5));
        assertThat(edited.title()).isEqualTo("Water, again");
        assertThat(edited.smsText()).isNull();
        assertThat(edited.recipientIds()).isNull();
        assertThat(edited.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.find("n-1")).isEqualTo(edited);
    }

    @Test
    void aScheduledNoticeIsNeitherEditedNorDeletedUntilItIsADraftAgain() {
        draft("n-2");
        Instant sendAt = T0.plusSeconds(3600);
        Notice scheduled = store.schedule("n-2", sendAt, T0);
        assertThat(scheduled.status()).isEqualTo(NoticeStatus.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(sendAt);
        assertThat(store.editDraft("n-2", new NoticeDraftRules.Draft("x", "y", null, List.of(Channel.EMAIL), null), T0))
                .as("no longer a draft").isNull();
        assertThat(store.deleteDraft("n-2")).isFalse();
        assertThat(store.schedule("n-2", sendAt.plusSeconds(60), T0).scheduledAt()).as("rescheduled")
                .isEqualTo(sendAt.plusSeconds(60));

        Notice again = store.unschedule("n-2", T0);
        assertThat(again.status()).isEqualTo(NoticeStatus.DRAFT);
        assertThat(again.scheduledAt()).isNull();
        assertThat(store.unschedule("n-2", T0)).as("not scheduled any more").isNull();
        assertThat(store.deleteDraft("n-2")).isTrue();
        assertThat(store.find("n-2")).isNull();
    }

    @Test
    void aNoticeBeingSentIsNeverScheduledAgain() {
        draft("n-3");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("n-3")), Update.update("status", NoticeStatus.SENDING),
                Notice.class, MongoNoticeStore.COLLECTION);
        assertThat(store.schedule("n-3", T0.plusSeconds(60), T0)).isNull();
        assertThat(store.find("n-3").status()).isEqualTo(NoticeStatus.SENDING);
    }

    @Test
    void urgencyIsMarkedAndRemovedAndTheNoticesAreReadByTheirIds() {
        draft("n-4");
        draft("n-5");
        Notice urgent = store.markUrgent("n-4", new Notice.Urgent("Fire alarm test", new Requester("u-1", "Ann"), T0), T0);
        assertThat(urgent.urgent().reason()).isEqualTo("Fire alarm test");
        assertThat(store.removeUrgency("n-4", T0).urgent()).isNull();
        assertThat(store.markUrgent("missing", urgent.urgent(), T0)).isNull();
        assertThat(store.all(Set.of("n-4", "n-5", "missing"))).extracting(Notice::id)
                .containsExactlyInAnyOrder("n-4", "n-5");
        assertThat(store.all(Set.of())).isEmpty();
        assertThat(store.idsOfProperty("p-1")).containsExactlyInAnyOrder("n-4", "n-5");
    }
}
