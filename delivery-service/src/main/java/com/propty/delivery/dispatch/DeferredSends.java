package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The durable retry store ({@code store.MongoDeferredSends}): sends a provider could not take, with when to try them
 * again, and SMS held until their property's quiet hours end. Kept out of the consumer so that an outage or a hold
 * never blocks Kafka consumption and a restart loses nothing.
 */
public interface DeferredSends {

    /** The sends waiting per channel: parked by an outage, and held for quiet hours. */
    record Waiting(Map<Channel, Integer> parked, Map<Channel, Integer> held) {
    }

    /** Keeps the batch, or replaces the one with its id. */
    void save(ParkedBatch batch);

    /**
     * Claims up to {@code limit} batches due at {@code now}: each is pushed {@code lease} into the future first, so a
     * crash mid-retry brings it back later (its sends are then in doubt in the ledger and are not sent twice).
     */
    List<ParkedBatch> claimDue(Instant now, Duration lease, int limit);

    void remove(String id);

    Waiting waiting();

    /** How many batches wait. */
    long count();
}
