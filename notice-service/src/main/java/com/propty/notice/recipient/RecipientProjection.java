package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.notice.notice.NoticeProgress;
import com.propty.notice.resident.Residents;
import com.propty.notice.stream.NoticeStreams;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies batches of delivery results and resend requests to recipients' channel states, then
 * refreshes each touched notice's stats and status and tells its open streams. Every state is
 * merged by {@link com.propty.events.StatusRank}, so duplicates and any arrival order give the same
 * states; nothing here counts incrementally, so a retried batch is harmless.
 */
@Component
public class RecipientProjection {

    private final Recipients recipients;
    private final Residents residents;
    private final NoticeProgress progress;
    private final NoticeStreams streams;

    public RecipientProjection(Recipients recipients, Residents residents, NoticeProgress progress,
            NoticeStreams streams) {
        this.recipients = recipients;
        this.residents = residents;
        this.progress = progress;
        this.streams = streams;
    }

    public void applyResults(List<DeliveryResult> results) {
        if (results.isEmpty()) {
            return;
        }
        List<Recipients.ChannelUpdate> updates = new ArrayList<>();
        List<Map.Entry<String, Channel>> optOuts = new ArrayList<>();
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        Map<String, Set<String>> resends = new LinkedHashMap<>();
        for (DeliveryResult result : results) {
            updates.add(new Recipients.ChannelUpdate(result.noticeId(), result.recipientId(), result.channel(),
                    ChannelState.of(result)));
            if (result.status() == DeliveryStatus.FAILED && result.errorCode() == ErrorCode.OPTED_OUT) {
                optOuts.add(new AbstractMap.SimpleEntry<>(result.recipientId(), result.channel()));
            }
            touched.computeIfAbsent(result.noticeId(), n -> new LinkedHashSet<>()).add(result.recipientId());
            if (result.attempt() > 1 && result.attemptId() != null) {
                resends.computeIfAbsent(result.noticeId(), n -> new LinkedHashSet<>()).add(result.attemptId());
            }
        }
        recipients.apply(updates);
        residents.optOut(optOuts);
        afterApplying(touched, resends);
    }

    /** Outages deferred these attempts: no status changes, but the notice may leave SENDING (CONTRACT §2). */
    public void applyDeferrals(List<DeliveryDeferred> deferrals) {
        List<Recipients.Deferral> marks = new ArrayList<>();
        Set<String> notices = new LinkedHashSet<>();
        for (DeliveryDeferred deferral : deferrals) {
            deferral.targets().forEach(t -> marks.add(new Recipients.Deferral(deferral.noticeId(), t.recipientId(),
                    deferral.channel(), t.attempt())));
            notices.add(deferral.noticeId());
        }
        if (marks.isEmpty()) {
            return;
        }
        recipients.markDeferred(marks);
        notices.forEach(progress::requestRecompute);
    }

    public void applyResends(List<ResendRequested> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        List<Recipients.ChannelUpdate> updates = new ArrayList<>();
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        Map<String, Set<String>> resends = new LinkedHashMap<>();
        for (ResendRequested chunk : chunks) {
            for (Target target : chunk.targets()) {
                // PENDING at the new attempt outranks every state of older attempts, and loses to any
                // result of this attempt that arrived first.
                updates.add(new Recipients.ChannelUpdate(chunk.noticeId(), target.recipientId(), target.channel(),
                        ChannelState.pending(target.attempt(), target.address(), chunk.occurredAt())));
                touched.computeIfAbsent(chunk.noticeId(), n -> new LinkedHashSet<>()).add(target.recipientId());
            }
            resends.computeIfAbsent(chunk.noticeId(), n -> new LinkedHashSet<>()).add(chunk.resendId());
        }
        recipients.apply(updates);
        afterApplying(touched, resends);
    }

    private void afterApplying(Map<String, Set<String>> touched, Map<String, Set<String>> resends) {
        Set<String> notices = new LinkedHashSet<>(touched.keySet());
        notices.addAll(resends.keySet());
        for (String noticeId : notices) {
            progress.requestRecompute(noticeId);
            streams.recipientsChanged(noticeId, touched.getOrDefault(noticeId, Set.of()));
            resends.getOrDefault(noticeId, Set.of()).forEach(resendId -> streams.resend(noticeId, resendId));
        }
    }
}
