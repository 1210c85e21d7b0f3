package com.propty.delivery.webhook;

import com.propty.delivery.dispatch.DeliveryResults;
import com.propty.delivery.dispatch.SendLedger;
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

    WebhookSettling(AppliedEvents applied, DeliveryResults results, SendLedger ledger) {
        this.applied = applied;
        this.results = results;
        this.ledger = ledger;
    }

    /** @return how many changes were new */
    int apply(List<WebhookEvents.Change> changes) {
        Map<String, DeliveryResult> byKey = new LinkedHashMap<>();
        changes.forEach(c -> byKey.putIfAbsent(c.eventKey(), c.result()));
        Set<String> seen = applied.alreadyApplied(byKey.keySet());
        seen.forEach(byKey::remove);
        List<DeliveryResult> fresh = List.copyOf(byKey.values());
        results.publish(fresh);
        ledger.record(fresh);
        applied.markApplied(byKey.keySet());
        return fresh.size();
    }
}
