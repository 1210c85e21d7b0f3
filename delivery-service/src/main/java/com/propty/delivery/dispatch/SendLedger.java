package com.propty.delivery.dispatch;

import com.propty.events.DeliveryResult;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The durable send intents ({@code store.MongoSendLedger}), one per {@link Send#key()}, written BEFORE any provider
 * call. No provider takes an idempotency key, so this is what stops a redelivered request from sending twice: a key
 * that exists is never sent again. A send is
 * <ul>
 * <li>in flight: claimed for a provider call; still so after the window means the call may or may not have reached
 * the provider (in doubt) unless a webhook settled it;</li>
 * <li>parked: the provider was unavailable, nothing was sent, the retry store ({@link DeferredSends}) owns it;</li>
 * <li>settled: the provider answered or a webhook came; its outcome is the highest-ranked result known.</li>
 * </ul>
 */
public interface SendLedger {

    /** {@link #outcomeRanks}' rank of an intent without an outcome. */
    long NO_OUTCOME = -1;

    /** The sends of a request split into those claimed now and the outcomes already known for the others. */
    record Claim(List<Send> fresh, List<DeliveryResult> knownOutcomes) {
    }

    /** Claims the sends never seen; the outcomes of those seen come back to be published again. */
    Claim claim(List<Send> candidates);

    /**
     * Records outcomes, from a provider's answer or a webhook (which also settles an in-doubt send), merged by rank as
     * every projection does, so a late SENT never replaces the DELIVERED a fast webhook already recorded.
     */
    void record(Collection<DeliveryResult> results);

    /**
     * The rank of the outcome recorded for each of these sends ({@link #NO_OUTCOME} for an intent without one);
     * sends the ledger never saw are absent. One key lookup for a whole webhook batch.
     */
    Map<String, Long> outcomeRanks(Collection<String> keys);

    /** Nothing was sent: the retry store owns these now. */
    void park(Collection<Send> parked);

    /**
     * Takes back the parked sends that are still parked (claimed again for a call). The others were settled meanwhile
     * — by a webhook, or by an earlier try of this batch whose process died before publishing — so their recorded
     * outcomes come back to be published again (consumers merge by rank, so this is harmless).
     */
    Claim reclaimParked(Collection<Send> candidates);

    /** Up to {@code limit} sends claimed before {@code cutoff} that neither an answer nor a webhook settled. */
    List<Send> inDoubtSince(Instant cutoff, int limit);
}
