package com.propty.delivery.webhook;

import com.propty.delivery.dispatch.DeliveryResults;
import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendLedger;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Applies provider events once. A status change is new when it outranks the outcome the send ledger holds for that
 * send (one key lookup per webhook batch): a replayed event, or a late event of a lower rank (a delivered after a
 * bounce), changes nothing and costs no write. New changes are published, then
 * recorded in the ledger (which also settles an in-doubt send), so a crash in between means the provider's retry
 * publishes them again (a duplicate every consumer ignores) rather than never. Events for sends the ledger does not
 * know, and opt-outs (which change no status), are remembered by their provider event id instead.
 */
@Service
public class WebhookSettling {

    private final AppliedEvents applied;
    private final DeliveryResults results;
    private final SendLedger ledger;
    private final ContactOptOuts optOuts;

    WebhookSettling(AppliedEvents applied, DeliveryResults results, SendLedger ledger, ContactOptOuts optOuts) {
        this.applied = applied;
        this.results = results;
        this.ledger = ledger;
        this.optOuts = optOuts;
    }

    /** @return how many status changes and opt-outs were new */
    public int apply(List<WebhookEvents.Change> changes, List<WebhookEvents.OptOut> optOutEvents) {
        // the highest-ranked change per send: a batch holding processed, delivered and a duplicate needs only one
        Map<String, WebhookEvents.Change> newest = new LinkedHashMap<>();
        for (WebhookEvents.Change change : changes) {
            DeliveryResult r = change.result();
            newest.merge(Send.key(r.attemptId(), r.recipientId(), r.channel()), change,
                    (a, b) -> b.result().rank() > a.result().rank() ? b : a);
        }
        Map<String, Long> known = ledger.outcomeRanks(newest.keySet());
        List<DeliveryResult> fresh = new ArrayList<>();
        Map<String, DeliveryResult> unknownByEvent = new LinkedHashMap<>();
        newest.forEach((sendKey, change) -> {
            Long rank = known.get(sendKey);
            if (rank == null) {
                unknownByEvent.putIfAbsent(change.eventKey(), change.result());
            } else if (change.result().rank() > rank) {
                fresh.add(change.result());
            }
        });
        Map<String, ContactOptedOut> optOutsByKey = new LinkedHashMap<>();
        optOutEvents.forEach(o -> optOutsByKey.putIfAbsent(o.eventKey(), o.event()));
        Set<String> keys = new LinkedHashSet<>(unknownByEvent.keySet());
        keys.addAll(optOutsByKey.keySet());
        Set<String> seen = applied.alreadyApplied(keys);
        seen.forEach(unknownByEvent::remove);
        seen.forEach(optOutsByKey::remove);
        keys.removeAll(seen);
        fresh.addAll(unknownByEvent.values());
        results.publish(fresh);
        ledger.record(fresh);
        optOuts.publish(optOutsByKey.values());
        applied.markApplied(keys);
        return fresh.size() + optOutsByKey.size();
    }
}
