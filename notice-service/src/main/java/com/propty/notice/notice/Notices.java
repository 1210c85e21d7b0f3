package com.propty.notice.notice;

import com.propty.events.Requester;
import com.propty.kit.ApiProblem;
import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.Caller;
import com.propty.kit.MergePatch;
import com.propty.kit.RateLimits;
import com.propty.kit.Page;
import com.propty.kit.TextRules;
import com.propty.notice.resident.Residents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A notice's life before it is sent (draft, edit, delete, schedule, cancel) and the send itself.
 * Checks run in the contract's order: 404, then the request's shape (400), then the notice's state
 * (409), then membership (400). State changes are conditional single-document writes, so two
 * requests racing on one notice cannot both win.
 */
@Service
public class Notices {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_URGENT_REASON = 500;
    private static final Map<String, MergePatch.Shape> PATCHABLE = Map.of("title", MergePatch.Shape.STRING,
            "body", MergePatch.Shape.STRING, "smsText", MergePatch.Shape.STRING, "channels", MergePatch.Shape.STRINGS,
            "recipientIds", MergePatch.Shape.STRINGS);

    private final NoticeStore notices;
    private final Residents residents;
    private final NoticeDispatch dispatch;
    private final PropertyNotices lists;
    private final SendSchedule schedule;

    private final RateLimits rateLimits;
    private final NoticeAudit audit;
    private final Clock clock;

    Notices(NoticeStore notices, Residents residents, NoticeDispatch dispatch, PropertyNotices lists,
            SendSchedule schedule, RateLimits rateLimits, NoticeAudit audit, Clock clock) {
        this.lists = lists;
        this.schedule = schedule;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
        this.residents = residents;
        this.dispatch = dispatch;
    }

    public Notice create(Caller caller, String propertyId, NoticeInput input) {
        caller.requireProperty(propertyId, "Property");
        if (input == null) {
            throw ApiProblem.validation("body", "must be a notice");
        }
        NoticeDraftRules.Draft draft = requireValid(NoticeDraftRules.check(input.title(), input.body(),
                input.smsText(), input.channels(), input.recipientIds()));
        requireActiveResidents(propertyId, draft.recipientIds());
        Instant now = clock.instant();
        Notice notice = new Notice(UUID.randomUUID().toString(), propertyId, draft.title(), draft.body(),
                draft.smsText(), draft.channels(), draft.recipientIds(), NoticeStatus.DRAFT,
                new Requester(caller.id(), caller.name()), now, now, null, null, false, DeliveryStats.NONE, null, null);
        lists.add(propertyId, notice.id()); // before the notice: never a notice missing from its list
        return notices.insert(notice);
    }

    /** The notice if it exists and belongs to one of the caller's properties; else 404, never revealing it exists. */
    public Notice get(Caller caller, String noticeId) {
        Notice notice = notices.find(noticeId);
        if (notice == null || !caller.mayActOn(notice.propertyId())) {
            throw ApiProblem.notFound("Notice");
        }
        return notice;
    }

    public Notice find(String noticeId) {
        return notices.find(noticeId);
    }

    /**
     * A page of the property's notices, newest first. They are read by key from the property's list
     * ({@link PropertyNotices}), then filtered and sorted in memory: the cost follows the property's own notices, never
     * every notice of every property.
     */
    public Page<Notice> page(Caller caller, String propertyId, String status, int page, int size) {
        caller.requireProperty(propertyId, "Property");
        Page.requireValid(page, size, MAX_PAGE_SIZE);
        Set<NoticeStatus> statuses = EnumSet.allOf(NoticeStatus.class);
        if (status != null && !status.isBlank()) {
            statuses = EnumSet.noneOf(NoticeStatus.class);
            for (String value : status.split(",")) {
                try {
                    statuses.add(NoticeStatus.valueOf(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.validation("status", "must be among " + Arrays.toString(NoticeStatus.values()));
                }
            }
        }
        Set<String> ids = lists.ids(propertyId);
        if (ids == null) {
            // the property's first list: built once from the notices it had before lists existed
            lists.build(propertyId, notices.idsOfProperty(propertyId));
            ids = lists.ids(propertyId);
        }
        Set<NoticeStatus> shown = statuses;
        List<Notice> matching = notices.all(ids).stream()
                .filter(n -> propertyId.equals(n.propertyId()) && shown.contains(n.status()))
                .sorted(Comparator.comparing(Notice::createdAt, Comparator.reverseOrder()).thenComparing(Notice::id))
                .toList();
        int from = (int) Math.min(matching.size(), (long) page * size);
        return Page.of(matching.subList(from, Math.min(matching.size(), from + size)), page, size, matching.size());
    }

    /** JSON merge patch of a draft: {@code smsText} or {@code recipientIds} set to null go back to their defaults. */
    public Notice patch(Caller caller, String noticeId, JsonNode patch) {
        Notice current = get(caller, noticeId);
        MergePatch changes = MergePatch.parse(patch, PATCHABLE);
        NoticeDraftRules.Draft draft = requireValid(NoticeDraftRules.check(changes.string("title", current.title()),
                changes.string("body", current.body()), changes.string("smsText", current.smsText()),
                changes.strings("channels", current.channels().stream().map(Enum::name).toList()),
                changes.strings("recipientIds", current.recipientIds())));
        if (current.status() != NoticeStatus.DRAFT) {
            throw notDraft("edited");
        }
        if (changes.has("recipientIds")) {
            requireActiveResidents(current.propertyId(), draft.recipientIds());
        }
        Notice updated = notices.editDraft(noticeId, draft, clock.instant());
        if (updated == null) {
            throw notDraft("edited");
        }
        return updated;
    }

    public void delete(Caller caller, String noticeId) {
        Notice notice = get(caller, noticeId);
        if (notice.status() != NoticeStatus.DRAFT
                || !notices.deleteDraft(noticeId)) {
            throw notDraft("deleted");
        }
        lists.remove(notice.propertyId(), noticeId);
    }

    /** Accepts the send (202): the notice is SENDING at once, its audience is dispatched in the background. */
    public Notice send(Caller caller, String noticeId) {
        rateLimits.acquire(caller, "send"); // 429: sending and scheduling share one per-user limit
        Notice notice = get(caller, noticeId);
        if (notice.status() != NoticeStatus.DRAFT && notice.status() != NoticeStatus.SCHEDULED) {
            throw notDraft("sent");
        }
        Notice sending = dispatch.beginNow(noticeId);
        if (sending == null) {
            throw notDraft("sent");
        }
        audit.noticeSent(caller, sending);
        dispatch.runInBackground(sending);
        return sending;
    }

    public Notice schedule(Caller caller, String noticeId, ScheduleInput input) {
        rateLimits.acquire(caller, "send");
        Notice notice = get(caller, noticeId);
        if (input == null || input.sendAt() == null) {
            throw ApiProblem.validation("sendAt", "is required (ISO-8601 UTC)");
        }
        if (!input.sendAt().isAfter(clock.instant())) {
            throw ApiProblem.badRequest("SEND_AT_IN_PAST", "Send time in the past",
                    "sendAt must be in the future.", List.of(new FieldError("sendAt", "must be in the future")));
        }
        if (notice.status() != NoticeStatus.DRAFT && notice.status() != NoticeStatus.SCHEDULED) {
            throw notDraft("scheduled");
        }
        // the queue entry before the notice's write (a crash between them leaves an entry the poller drops, never a
        // scheduled notice without one) and again after it (in case the poller dropped it, seeing the draft between)
        schedule.add(noticeId, input.sendAt());
        Notice scheduled = notices.schedule(noticeId, input.sendAt(), clock.instant());
        if (scheduled == null) {
            throw notDraft("scheduled");
        }
        schedule.add(noticeId, input.sendAt());
        audit.noticeScheduled(caller, scheduled);
        return scheduled;
    }

    /** A scheduled notice goes back to draft; anything else cannot be cancelled. */
    public Notice cancel(Caller caller, String noticeId) {
        Notice notice = get(caller, noticeId);
        Notice draft = notice.status() != NoticeStatus.SCHEDULED ? null
                : notices.unschedule(noticeId, clock.instant());
        if (draft == null) {
            throw ApiProblem.conflict("NOTICE_NOT_SCHEDULED", "Notice is not scheduled",
                    "Only a scheduled notice can be cancelled.");
        }
        schedule.lookNow(noticeId, clock.instant()); // the next poll drops it
        audit.noticeCancelled(caller, draft);
        return draft;
    }

    /**
     * Marks the notice urgent (an emergency: its SMS, and those of its resends, ignore quiet hours), whatever its
     * status, with a reason the audit trail keeps beside who marked it; marking it again replaces the reason.
     */
    public Notice markUrgent(Caller caller, String noticeId, UrgentInput input) {
        get(caller, noticeId);
        String reason = input == null || input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_URGENT_REASON) {
            throw ApiProblem.validation("reason", "is required: why this notice is urgent (at most "
                    + MAX_URGENT_REASON + " characters)");
        }
        if (TextRules.hasControlCharacter(reason)) {
            throw ApiProblem.validation("reason", "must be one line without control characters");
        }
        Notice.Urgent urgent = new Notice.Urgent(reason, new Requester(caller.id(), caller.name()), clock.instant());
        Notice marked = notices.markUrgent(noticeId, urgent, clock.instant());
        if (marked == null) {
            throw ApiProblem.notFound("Notice");
        }
        audit.markedUrgent(caller, marked);
        return marked;
    }

    /** The notice is ordinary again: its next SMS respect quiet hours. Idempotent; audited when it changed something. */
    public Notice removeUrgency(Caller caller, String noticeId) {
        Notice notice = get(caller, noticeId);
        if (notice.urgent() == null) {
            return notice;
        }
        Notice ordinary = notices.removeUrgency(noticeId, clock.instant());
        if (ordinary == null) {
            throw ApiProblem.notFound("Notice");
        }
        audit.urgencyRemoved(caller, ordinary, notice.urgent());
        return ordinary;
    }

    @com.propty.kit.ClientInput
    public record UrgentInput(String reason) {
    }

    @com.propty.kit.ClientInput
    public record ScheduleInput(Instant sendAt) {
    }

    private void requireActiveResidents(String propertyId, List<String> recipientIds) {
        if (recipientIds == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (int from = 0; from < recipientIds.size(); from += 1000) {
            unknown.addAll(residents.notActiveIn(propertyId,
                    recipientIds.subList(from, Math.min(recipientIds.size(), from + 1000))));
        }
        if (!unknown.isEmpty()) {
            throw invalid(unknown.stream().limit(20)
                    .map(id -> new FieldError("recipientIds", id + " is not an active resident of this property"))
                    .toList());
        }
    }

    private static NoticeDraftRules.Draft requireValid(NoticeDraftRules.Checked checked) {
        if (!checked.errors().isEmpty()) {
            throw invalid(checked.errors());
        }
        return checked.draft();
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.validation(errors);
    }

    private static ApiProblem notDraft(String action) {
        return ApiProblem.conflict("NOTICE_NOT_DRAFT", "Notice is not a draft",
                "Only a draft (or a scheduled notice, for send and schedule) can be " + action + ".");
    }
}
