package com.propty.notice.store;

import com.mongodb.client.model.Indexes;
import com.propty.notice.notice.DeliveryStats;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.NoticeDraftRules;
import com.propty.notice.notice.NoticeStatus;
import com.propty.notice.notice.NoticeStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The notices in MongoDB: {@code notices}, {@code _id} = the notice's id. Every change is one {@code findAndModify} on
 * the id with the state it requires in its filter, so the check and the write are one atomic step.
 */
@Component
public class MongoNoticeStore implements NoticeStore {

    public static final String COLLECTION = "notices";

    private static final FindAndModifyOptions AS_IT_NOW_IS = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    public MongoNoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Real MongoDB serves the start-up queries below from these; the embedded store scans the notices, once.
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("status", "scheduledAt"));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("dispatch.dispatched"));
    }

    @Override
    public Notice insert(Notice notice) {
        return mongo.insert(notice, COLLECTION);
    }

    @Override
    public Notice find(String noticeId) {
        return mongo.findById(noticeId, Notice.class, COLLECTION);
    }

    @Override
    public List<Notice> all(Set<String> noticeIds) {
        return noticeIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(noticeIds)), Notice.class, COLLECTION);
    }

    /** The ids of a property's notices by a scan: once per property, to build its list. */
    @Override
    public List<String> idsOfProperty(String propertyId) {
        Query existing = Query.query(Criteria.where("propertyId").is(propertyId));
        existing.fields().include("_id");
        return mongo.find(existing, Document.class, COLLECTION).stream().map(doc -> doc.get("_id").toString()).toList();
    }

    @Override
    public List<Notice> scheduled() {
        return mongo.find(Query.query(Criteria.where("status").is(NoticeStatus.SCHEDULED.name())), Notice.class,
                COLLECTION);
    }

    @Override
    public List<Notice> dispatchesNotDone() {
        return mongo.find(Query.query(Criteria.where("dispatch.dispatched").is(false)), Notice.class, COLLECTION);
    }

    /** A draft's new content; {@code smsText} or {@code recipientIds} null go back to their defaults. */
    @Override
    public Notice editDraft(String noticeId, NoticeDraftRules.Draft draft, Instant at) {
        Update update = new Update().set("title", draft.title()).set("body", draft.body())
                .set("channels", draft.channels()).set("updatedAt", at);
        setOrUnset(update, "smsText", draft.smsText());
        setOrUnset(update, "recipientIds", draft.recipientIds());
        return mongo.findAndModify(inStatus(noticeId, NoticeStatus.DRAFT), update, AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    @Override
    public boolean deleteDraft(String noticeId) {
        return mongo.remove(inStatus(noticeId, NoticeStatus.DRAFT), Notice.class, COLLECTION).getDeletedCount() > 0;
    }

    /** A draft, or an already scheduled notice, is SCHEDULED at {@code sendAt}. */
    @Override
    public Notice schedule(String noticeId, Instant sendAt, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)
                        .and("status").in(NoticeStatus.DRAFT.name(), NoticeStatus.SCHEDULED.name())),
                new Update().set("status", NoticeStatus.SCHEDULED).set("scheduledAt", sendAt).set("updatedAt", at),
                AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    /** A scheduled notice is a draft again. */
    @Override
    public Notice unschedule(String noticeId, Instant at) {
        return mongo.findAndModify(inStatus(noticeId, NoticeStatus.SCHEDULED),
                new Update().set("status", NoticeStatus.DRAFT).unset("scheduledAt").set("updatedAt", at),
                AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    @Override
    public Notice beginDispatch(String noticeId, Set<NoticeStatus> from, Instant dueBy, Notice.Dispatch dispatch,
            Instant at) {
        Criteria state = Criteria.where("_id").is(noticeId).and("status").in(from.stream().map(Enum::name).toList());
        if (dueBy != null) {
            state = state.and("scheduledAt").lte(dueBy);
        }
        return mongo.findAndModify(Query.query(state), new Update().set("status", NoticeStatus.SENDING)
                        .set("updatedAt", at).set("stats", DeliveryStats.NONE).set("resendable", false)
                        .set("dispatch", dispatch), AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    @Override
    public Notice takeAbandonedDispatch(String noticeId, Instant now, Instant leaseUntil) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)
                        .and("dispatch.dispatched").is(false).and("dispatch.leaseUntil").lt(now)),
                new Update().set("dispatch.leaseUntil", leaseUntil), AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    @Override
    public void audienceStored(String noticeId, long emailTargets, long smsTargets, Shown shown) {
        Update update = shown == null ? new Update() : shownUpdate(shown);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), update.set("dispatch.audienceStored", true)
                .set("dispatch.emailTargets", emailTargets).set("dispatch.smsTargets", smsTargets), Notice.class,
                COLLECTION);
    }

    @Override
    public void dispatched(String noticeId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), new Update().set("dispatch.dispatched", true),
                Notice.class, COLLECTION);
    }

    @Override
    public void show(String noticeId, Shown shown) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), shownUpdate(shown), Notice.class, COLLECTION);
    }

    private static Update shownUpdate(Shown shown) {
        Update update = new Update().set("status", shown.summary().status()).set("stats", shown.summary().stats())
                .set("resendable", shown.summary().resendable());
        if (shown.sentAt() != null) {
            update.set("sentAt", shown.sentAt());
        }
        return update;
    }

    @Override
    public Notice markUrgent(String noticeId, Notice.Urgent urgent, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)),
                new Update().set("urgent", urgent).set("updatedAt", at), AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    @Override
    public Notice removeUrgency(String noticeId, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)),
                new Update().unset("urgent").set("updatedAt", at), AS_IT_NOW_IS, Notice.class, COLLECTION);
    }

    private static Query inStatus(String noticeId, NoticeStatus status) {
        return Query.query(Criteria.where("_id").is(noticeId).and("status").is(status.name()));
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
