package com.propty.history.history;

import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.history.history.HistoryStore.StateOfTarget;
import com.propty.history.history.HistoryStore.StoredResend;
import com.propty.history.notice.NoticeOwners;
import com.propty.kit.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The resend history projection (CONTRACT §3 {@code GET /api/notices/{id}/resends}), kept in a {@link HistoryStore}.
 *
 * <p>One summary per resend from its request chunks, with their count; each request chunk's targets in order, what
 * the resend's detail pages through by key; and one state per target channel of a resend ({@link TargetState}),
 * merged by rank only: the request sets PENDING of the attempt, each result its status, and the highest rank wins. So
 * duplicates change nothing, order does not matter, and a result that arrives before its request chunk simply creates
 * the target first. Results of the first dispatch (attempt 1) are not resends and are ignored.
 */
@Component
public class ResendHistory {

    private final HistoryStore store;
    private final NoticeOwners owners;

    public ResendHistory(HistoryStore store, NoticeOwners owners) {
        this.store = store;
        this.owners = owners;
    }

    public void requested(List<ResendRequested> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        store.keepRequests(chunks);
        List<StateOfTarget> states = new ArrayList<>();
        for (ResendRequested chunk : chunks) {
            for (Target target : chunk.targets()) {
                states.add(new StateOfTarget(chunk.resendId(), chunk.noticeId(), target.recipientId(),
                        target.channel().name(), TargetState.requested(target.attempt(), chunk.requestedAt())));
            }
        }
        store.mergeStates(states);
    }

    public void resulted(List<DeliveryResult> results) {
        List<StateOfTarget> states = results.stream().filter(r -> r.isOfResend() && r.status() != null)
                .map(r -> new StateOfTarget(r.attemptId(), r.noticeId(), r.recipientId(), r.channel().name(),
                        TargetState.of(r))).toList();
        if (!states.isEmpty()) {
            store.mergeStates(states);
        }
    }

    /**
     * Newest first; 404 when the notice does not exist or belongs to a property the caller may not see — told by its
     * resends, or, when it has none yet, by notice-service.
     */
    public List<ResendRow> of(Caller caller, String noticeId) {
        List<StoredResend> resends = store.resendsOf(noticeId);
        if (resends.isEmpty()) {
            caller.requireProperty(owners.propertyOf(noticeId).orElse(null), "Notice");
            return List.of();
        }
        resends.forEach(r -> caller.requireProperty(r.propertyId(), "Notice"));
        Map<String, List<DeliveryStatus>> states = store.statusesOf(resends.stream().map(StoredResend::resendId)
                .toList());
        return resends.stream().map(r -> new ResendRow(r.resendId(), r.requestedAt(), r.requestedBy(), r.scope(),
                r.type(), r.recipients(), r.emails(), r.sms(), new ResendRow.Fallback(r.fallbackEmails(),
                        r.fallbackSms()), Outcome.of(states.getOrDefault(r.resendId(), List.of())))).toList();
    }
}
