package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries parked sends when their time comes, outside any Kafka consumer; sends held for quiet hours get their first
 * try when the hold ends ({@link ParkedBatch#toTry}): never given up for the wait, and an ordinary outage batch from
 * then on if their provider is down.
 */
@Component
class ParkedSendsRetry {

    private static final Logger log = LoggerFactory.getLogger(ParkedSendsRetry.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DeferredSends deferred;
    private final SendLedger ledger;
    private final DeliveryResults results;
    private final Outcomes outcomes;
    private final Clock clock;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    ParkedSendsRetry(DeferredSends deferred, SendLedger ledger, DeliveryResults results, Outcomes outcomes, Clock clock,
            List<ChannelSender> senders) {
        this.deferred = deferred;
        this.ledger = ledger;
        this.results = results;
        this.outcomes = outcomes;
        this.clock = clock;
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    @Scheduled(fixedDelayString = "${delivery.retry-poll-interval}", initialDelayString = "${delivery.retry-poll-interval}")
    void retryDue() {
        try {
            for (ParkedBatch batch : deferred.claimDue(clock.instant(), LEASE, 20)) {
                retry(batch);
            }
        } catch (RuntimeException e) {
            log.warn("Retrying parked sends failed, will try again", e);
        }
    }

    private void retry(ParkedBatch due) {
        ParkedBatch batch = due.toTry(clock.instant());
        SendLedger.Claim claim = ledger.reclaimParked(batch.sends());
        results.publish(claim.knownOutcomes());
        List<Send> stillParked = claim.fresh();
        SendOutcome outcome = stillParked.isEmpty() ? new SendOutcome()
                : senders.get(batch.channel()).send(batch.content(), stillParked);
        if (!outcomes.apply(batch, outcome)) {
            deferred.remove(batch.id());
        }
    }
}
