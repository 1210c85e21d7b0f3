package com.propty.notice.notice;

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
 * The notices ({@code notices}, keyed by id) as the use cases of {@link Notices} change them: every change is one
 * conditional write on the notice's id (a draft edited only while it is a draft, scheduled only from draft or
 * scheduled), answering the notice as it now is, or null when the notice had moved on meanwhile. Key lookups only,
 * but for the one-time list of a property's older notices.
 */
@Component
class NoticeStore {

    private static final FindAndModifyOptions AS_IT_NOW_IS = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    NoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Notice insert(Notice notice) {
        return mongo.insert(notice);
    }

    Notice find(String noticeId) {
        return mongo.findById(noticeId, Notice.class);
    }

    List<Notice> all(Set<String> noticeIds) {
        return noticeIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(noticeIds)), Notice.class);
    }

    /** The ids of a property's notices by a scan: once per property, to build its list ({@link PropertyNotices}). */
    List<String> idsOfProperty(String propertyId) {
        Query existing = Query.query(Criteria.where("propertyId").is(propertyId));
        existing.fields().include("_id");
        return mongo.find(existing, Document.class, "notices").stream().map(doc -> doc.get("_id").toString()).toList();
    }

    /** A draft's new content; {@code smsText} or {@code recipientIds} null go back to their defaults. */
    Notice editDraft(String noticeId, NoticeDraftRules.Draft draft, Instant at) {
        Update update = new Update().set("title", draft.title()).set("body", draft.body())
                .set("channels", draft.channels()).set("updatedAt", at);
        setOrUnset(update, "smsText", draft.smsText());
        setOrUnset(update, "recipientIds", draft.recipientIds());
        return mongo.findAndModify(inStatus(noticeId, NoticeStatus.DRAFT), update, AS_IT_NOW_IS, Notice.class);
    }

    boolean deleteDraft(String noticeId) {
        return mongo.remove(inStatus(noticeId, NoticeStatus.DRAFT), Notice.class).getDeletedCount() > 0;
    }

    /** A draft, or an already scheduled notice, is SCHEDULED at {@code sendAt}. */
    Notice schedule(String noticeId, Instant sendAt, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)
                        .and("status").in(NoticeStatus.DRAFT.name(), NoticeStatus.SCHEDULED.name())),
                new Update().set("status", NoticeStatus.SCHEDULED).set("scheduledAt", sendAt).set("updatedAt", at),
                AS_IT_NOW_IS, Notice.class);
    }

    /** A scheduled notice is a draft again. */
    Notice unschedule(String noticeId, Instant at) {
        return mongo.findAndModify(inStatus(noticeId, NoticeStatus.SCHEDULED),
                new Update().set("status", NoticeStatus.DRAFT).unset("scheduledAt").set("updatedAt", at),
                AS_IT_NOW_IS, Notice.class);
    }

    Notice markUrgent(String noticeId, Notice.Urgent urgent, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)),
                new Update().set("urgent", urgent).set("updatedAt", at), AS_IT_NOW_IS, Notice.class);
    }

    Notice removeUrgency(String noticeId, Instant at) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(noticeId)),
                new Update().unset("urgent").set("updatedAt", at), AS_IT_NOW_IS, Notice.class);
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
