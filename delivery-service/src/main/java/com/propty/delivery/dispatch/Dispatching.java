package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Sends chunks of targets (a poll of them at once, see {@link SendGroups}): SKIPPED (NO_ADDRESS) without a provider
 * call when there is no address, else one durable intent per target first, then the provider call for the targets not
 * handled before. A redelivered chunk therefore never reaches a provider twice; it only re-publishes the outcomes
 * known. SMS due inside their chunk's quiet hours ({@link QuietHold}) are claimed the same way but held instead of
 * sent ({@link Outcomes#hold}): the retry store sends them when the quiet hours end.
 */
@Service
public class Dispatching {

    private final SendLedger ledger;
    private final DeliveryResults results;
    private final Outcomes outcomes;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final int claimSlice;
    private final Clock clock;

    Dispatching(SendLedger ledger, DeliveryResults results, Outcomes outcomes, List<ChannelSender> senders,
            DeliveryProperties settings, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.results = results;
        this.outcomes = outcomes;
        this.claimSlice = Math.max(1, settings.claimSlice());
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    public void dispatch(SendRequest request) {
        dispatch(List.of(request));
    }

    /**
     * Several chunks at once (a poll of the request topics): the sends of one attempt and channel are pooled across
     * chunks, so SendGrid requests are filled up to its batch size instead of one request per 250-email chunk.
     */
    public void dispatch(List<SendRequest> requests) {
        List<DeliveryResult> skipped = new ArrayList<>();
        List<SendGroups.Group> groups = SendGroups.of(requests, skipped);
        results.publish(skipped);
        for (SendGroups.Group group : groups) {
            List<Send> ofGroup = group.sends();
            // Claimed slice by slice, right before the calls: a kill -9 leaves only the slice being sent in
            // doubt; the rest of the chunks is claimed fresh (and sent) when Kafka redelivers them.
            for (int from = 0; from < ofGroup.size(); from += claimSlice) {
                List<Send> slice = ofGroup.subList(from, Math.min(ofGroup.size(), from + claimSlice));
                SendLedger.Claim claim = ledger.claim(slice);
                results.publish(claim.knownOutcomes());
                if (claim.fresh().isEmpty()) {
                    continue;
                }
                Instant heldUntil = QuietHold.until(group.channel(), group.quietHours(), clock.instant());
                if (heldUntil != null) {
                    outcomes.hold(group.channel(), group.content(), claim.fresh(), heldUntil);
                } else {
                    outcomes.apply(group.channel(), group.content(),
                            senders.get(group.channel()).send(group.content(), claim.fresh()));
                }
            }
        }
    }
}
