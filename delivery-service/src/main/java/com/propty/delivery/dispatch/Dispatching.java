package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Sends a chunk of targets: SKIPPED (NO_ADDRESS) without a provider call when there is no address, else
 * one durable intent per target first, then the provider call for the targets not handled before. A
 * redelivered chunk therefore never reaches a provider twice; it only re-publishes the outcomes known.
 */
@Service
public class Dispatching {

    private final SendLedger ledger;
    private final DeliveryResults results;
    private final Outcomes outcomes;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final int claimSlice;

    Dispatching(SendLedger ledger, DeliveryResults results, Outcomes outcomes, List<ChannelSender> senders,
            DeliverySettings settings) {
        this.ledger = ledger;
        this.results = results;
        this.outcomes = outcomes;
        this.claimSlice = Math.max(1, settings.claimSlice());
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    public void dispatch(SendRequest request) {
        List<DeliveryResult> skipped = new ArrayList<>();
        List<Send> sends = new ArrayList<>();
        for (Target target : request.targets()) {
            Send send = request.send(target);
            if (target.address() == null || target.address().isBlank()) {
                skipped.add(send.result(DeliveryStatus.SKIPPED, ErrorCode.NO_ADDRESS, null,
                        "No " + target.channel().name().toLowerCase() + " address", null, null));
            } else {
                sends.add(send);
            }
        }
        results.publish(skipped);
        for (Channel channel : Channel.values()) {
            List<Send> ofChannel = sends.stream().filter(s -> s.channel() == channel).toList();
            // Claimed slice by slice, right before the calls: a kill -9 leaves only the slice being sent in
            // doubt; the rest of the chunk is claimed fresh (and sent) when Kafka redelivers it.
            for (int from = 0; from < ofChannel.size(); from += claimSlice) {
                List<Send> slice = ofChannel.subList(from, Math.min(ofChannel.size(), from + claimSlice));
                SendLedger.Claim claim = ledger.claim(slice);
                results.publish(claim.knownOutcomes());
                if (!claim.fresh().isEmpty()) {
                    outcomes.apply(channel, request.content(), senders.get(channel).send(request.content(), claim.fresh()));
                }
            }
        }
    }
}
