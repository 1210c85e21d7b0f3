package com.propty.delivery.webhook;

import com.propty.delivery.dispatch.DeliveryResults;
import com.propty.delivery.dispatch.SendLedger;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Applies provider events once: skips those already applied, publishes the others, settles their sends in
 * the ledger (which also settles an in-doubt send) and only then remembers them as applied, so a crash
 * midway means the provider's retry applies them again rather than never.
 */
@Service
class WebhookSettling {

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
    int apply(List<WebhookEvents.Change> changes, List<WebhookEvents.OptOut> optOutEvents) {
        Map<String, DeliveryResult> byKey = new LinkedHashMap<>();
        changes.forEach(c -> byKey.putIfAbsent(c.eventKey(), c.result()));
        Map<String, ContactOptedOut> optOutsByKey = new LinkedHashMap<>();
        optOutEvents.forEach(o -> optOutsByKey.putIfAbsent(o.eventKey(), o.event()));
        Set<String> keys = new java.util.LinkedHashSet<>(byKey.keySet());
        keys.addAll(optOutsByKey.keySet());
        Set<String> seen = applied.alreadyApplied(keys);
        seen.forEach(byKey::remove);
        seen.forEach(optOutsByKey::remove);
        keys.removeAll(seen);
        List<DeliveryResult> fresh = List.copyOf(byKey.values());
        results.publish(fresh);
        ledger.record(fresh);
        optOuts.publish(optOutsByKey.values());
        applied.markApplied(keys);
        return fresh.size() + optOutsByKey.size();
    }
}
