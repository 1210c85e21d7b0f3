package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.kit.messaging.Consumed;
import com.propty.notice.notice.CombinationCounts;
import com.propty.notice.notice.NoticeCounters;
import com.propty.notice.notice.NoticeCounters.Counters;
import com.propty.notice.notice.NoticeProgress;
import com.propty.notice.resident.Residents;
import com.propty.notice.changes.LiveUpdates;
import com.propty.notice.version.StateVersions;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies batches of delivery results, resend claims, deferrals and holds to recipients' channel states and keeps each
 * notice's counters, stats and status in step, with no read of a notice's whole audience.
 *
 * <p>All three topics are keyed by notice and consumed by one binding, so one consumer owns every change of a
 * notice's recipients, in order (README "Maintained counters"). For a batch it reads the touched recipients and the
 * notices' counters by key, merges every change in memory ({@link com.propty.events.StatusRank} decides, as the
 * store's {@code $max} would), moves the counters by each recipient's change of {@linkplain
 * com.propty.notice.notice.StateCombination combination}, then writes the counters with the offsets they now
 * include, then the {@linkplain StatusPositions positions of each status} of the recipients that changed, then the
 * recipients, then the notices' {@linkplain StateVersions versions}. A batch redelivered after a crash between
 * those writes is recognised by the offsets: its changes are merged again (and their recipients written) but not
 * counted twice. Duplicates and any arrival order give the same states, so the same counters.
 */
@Component
public class RecipientProjection {

    private final Recipients recipients;
    private final StatusIndex statusIndex;
    private final NoticeCounters counters;
    private final Residents residents;
    private final NoticeProgress progress;
    private final LiveUpdates liveUpdates;
    private final StateVersions versions;

    public RecipientProjection(Recipients recipients, StatusIndex statusIndex, NoticeCounters counters,
            Residents residents, NoticeProgress progress, LiveUpdates liveUpdates, StateVersions versions) {
        this.recipients = recipients;
        this.statusIndex = statusIndex;
        this.counters = counters;
        this.residents = residents;
        this.progress = progress;
        this.liveUpdates = liveUpdates;
        this.versions = versions;
    }

    /** One change a record asks for: a channel state to merge, or (state null) a deferred attempt to remember. */
    private record Change(String noticeId, String recipientId, Channel channel, ChannelState state,
            int deferredAttempt, Instant heldUntil, String position, long offset) {

        String id() {
            return Recipient.id(noticeId, recipientId);
        }
    }

    public void apply(List<Consumed<Object>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Change> changes = new ArrayList<>();
        List<Map.Entry<String, Channel>> optOuts = new ArrayList<>();
        Map<String, Set<String>> resends = new LinkedHashMap<>();
        Map<String, Map<String, Long>> lastOffsets = new LinkedHashMap<>();
        for (Consumed<Object> record : batch) {
            String noticeId = collect(record, changes, optOuts, resends);
            lastOffsets.computeIfAbsent(noticeId, n -> new HashMap<>()).merge(record.position(), record.offset(),
                    Math::max);
        }

        Map<String, Counters> current = countersOf(lastOffsets.keySet());
        Map<String, RecipientStates> states = recipients.statesOf(changes.stream().map(Change::id).distinct().toList());
        Map<String, CombinationCounts> deltas = new HashMap<>();
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        for (Change change : changes) {
            RecipientStates recipient = states.get(change.id());
            if (recipient == null) {
                continue; // not a recipient of that notice: nothing to count or show
            }
            String before = recipient.combination();
            boolean changed = change.state() != null ? recipient.merge(change.channel(), change.state())
                    : change.heldUntil() != null
                            ? recipient.markHeld(change.channel(), change.deferredAttempt(), change.heldUntil())
                            : recipient.markDeferred(change.channel(), change.deferredAttempt());
            if (!changed) {
                continue;
            }
            touched.computeIfAbsent(change.noticeId(), n -> new LinkedHashSet<>()).add(change.recipientId());
            Counters notice = current.get(change.noticeId());
            if (notice != null && !notice.includes(change.position(), change.offset())) {
                deltas.computeIfAbsent(change.noticeId(), n -> notice.deltas().plus(CombinationCounts.empty()))
                        .move(before, recipient.combination());
            }
        }

        List<Counters> moved = new ArrayList<>();
        deltas.forEach((noticeId, d) -> {
            Map<String, Long> offsets = new HashMap<>(current.get(noticeId).offsets());
            offsets.putAll(lastOffsets.get(noticeId));
            moved.add(new Counters(noticeId, current.get(noticeId).base(), d, offsets));
        });
        counters.writeDeltas(moved);
        List<RecipientStates> changed = states.values().stream().filter(RecipientStates::changed).toList();
        Map<String, StatusPositions> positions = statusIndex.of(touched.keySet());
        for (RecipientStates recipient : changed) {
            StatusPositions notice = positions.get(recipient.noticeId());
            if (notice != null && recipient.position() >= 0) {
                notice.place(recipient.position(), recipient.statuses());
            }
        }
        statusIndex.writeChanged(positions);
        recipients.write(changed);
        residents.optOut(optOuts);
        // after the states, for every notice of the batch, changed or not: a batch redelivered after a crash right
        // before this line moves them all the same (StateVersions)
        versions.noticesChanged(lastOffsets.keySet());

        for (Counters notice : moved) {
            progress.show(notice.noticeId(), notice.total());
        }
        // One hint per notice for the rows and one per resend, for the streams of every instance (best effort).
        liveUpdates.batchChanged(touched, resends);
    }

    /** The record's changes, opt-outs and resend ids; answers its notice. */
    private static String collect(Consumed<Object> record, List<Change> changes,
            List<Map.Entry<String, Channel>> optOuts, Map<String, Set<String>> resends) {
        String position = record.position();
        long offset = record.offset();
        Object event = record.event();
        if (event instanceof DeliveryResult result) {
            changes.add(new Change(result.noticeId(), result.recipientId(), result.channel(),
                    ChannelState.of(result), 0, null, position, offset));
            if (result.status() == DeliveryStatus.FAILED && result.errorCode() == ErrorCode.OPTED_OUT) {
                optOuts.add(new AbstractMap.SimpleEntry<>(result.recipientId(), result.channel()));
            }
            if (result.isOfResend()) {
                resends.computeIfAbsent(result.noticeId(), n -> new LinkedHashSet<>()).add(result.attemptId());
            }
            return result.noticeId();
        }
        if (event instanceof ResendRequested chunk) {
            Instant at = chunk.occurredAt();
            for (Target target : chunk.targets()) {
                // PENDING at the new attempt outranks every state of older attempts, and loses to any
                // result of this attempt that arrived first.
                changes.add(new Change(chunk.noticeId(), target.recipientId(), target.channel(),
                        ChannelState.pending(target.attempt(), target.address(), at), 0, null, position, offset));
            }
            resends.computeIfAbsent(chunk.noticeId(), n -> new LinkedHashSet<>()).add(chunk.resendId());
            return chunk.noticeId();
        }
        if (event instanceof DeliveryDeferred deferral) {
            // CONTRACT §2: a deferral changes no status but counts as the channel's first answer.
            deferral.targets().forEach(t -> changes.add(new Change(deferral.noticeId(), t.recipientId(),
                    deferral.channel(), null, t.attempt(), null, position, offset)));
            return deferral.noticeId();
        }
        if (event instanceof DeliveryHeld hold) {
            // a hold (quiet hours) is a deferral with an end: the channel's first answer, no status change
            hold.targets().forEach(t -> changes.add(new Change(hold.noticeId(), t.recipientId(), hold.channel(), null,
                    t.attempt(), hold.until(), position, offset)));
            return hold.noticeId();
        }
        throw new IllegalArgumentException("Not a delivery state event: " + event.getClass());
    }

    /**
     * The counters of these notices. A notice sent before counters existed has none: it is recounted once (the
     * repair path), before this batch changes anything, and counted by deltas from then on.
     */
    private Map<String, Counters> countersOf(Set<String> noticeIds) {
        Map<String, Counters> found = counters.byIds(noticeIds);
        for (String noticeId : noticeIds) {
            if (!found.containsKey(noticeId)) {
                // Stored even when empty, so events for a notice with no recipients do not recount it again.
                CombinationCounts recount = CombinationCounts.of(recipients.combinations(noticeId));
                counters.setBase(noticeId, recount);
                found.put(noticeId, Counters.fresh(noticeId, recount));
            }
        }
        return found;
    }
}
