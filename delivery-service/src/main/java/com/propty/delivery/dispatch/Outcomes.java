package com.propty.delivery.dispatch;

import com.propty.delivery.resilience.Backoff;
import com.propty.delivery.resilience.Provider;
import com.propty.delivery.resilience.ResilienceProperties;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.ErrorCode;
import com.propty.kit.Redact;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a {@link SendOutcome} durable and visible, in this order: outcomes into the ledger and parked sends into
 * the retry store (or FAILED PROVIDER_UNAVAILABLE once they have waited long enough), then the outcomes published
 * (a redelivered request or a retried batch re-publishes them from the ledger, so a crash or a failed publish in
 * between loses nothing), then the parked sends announced as deferred, the first time. Sends held for quiet hours
 * ({@link #hold}) go the same way without a provider call: into the retry store and parked in the ledger, then
 * announced as held.
 */
@Component
class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final SendLedger ledger;
    private final DeliveryResults results;
    private final DeferredSends deferred;
    private final Deferrals deferrals;
    private final Holds holds;
    private final DeliveryProperties settings;
    private final Backoff backoff;
    private final Clock clock;
    private final DeliveryMeters meters;

    Outcomes(SendLedger ledger, DeliveryResults results, DeferredSends deferred, Deferrals deferrals, Holds holds,
            DeliveryProperties settings, ResilienceProperties resilience, Clock clock, DeliveryMeters meters) {
        this.meters = meters;
        this.ledger = ledger;
        this.results = results;
        this.deferred = deferred;
        this.deferrals = deferrals;
        this.holds = holds;
        this.settings = settings;
        this.backoff = new Backoff(resilience.backoff());
        this.clock = clock;
    }

    /** Outcome of a first try: parked sends start a new batch in the retry store. */
    void apply(Channel channel, Content content, SendOutcome outcome) {
        apply(new ParkedBatch(UUID.randomUUID().toString(), channel, content, List.of(), clock.instant(), 0,
                clock.instant(), null, false), outcome);
    }

    /**
     * Holds claimed sends until {@code until} (the end of their property's quiet hours) instead of sending them: a new
     * held batch in the retry store, due then, and the sends parked in the ledger (so a redelivered chunk sends and
     * holds nothing again), then announced once as held. Never at the sends' expense: if the announcement fails they
     * still wait in the store and go at {@code until}.
     */
    void hold(Channel channel, Content content, List<Send> sends, Instant until) {
        deferred.save(ParkedBatch.quietHours(UUID.randomUUID().toString(), channel, content, sends, clock.instant(),
                until));
        ledger.park(sends);
        log.info("Held {} {} sends for quiet hours until {}", sends.size(), channel, until);
        try {
            holds.publish(channel, until, sends);
        } catch (RuntimeException e) {
            log.warn("Could not announce {} {} sends as held until {}: {}", sends.size(), channel, until,
                    e.getMessage());
        }
    }

    /** Outcome of a try of {@code batch}; returns whether the batch still waits in the retry store. */
    boolean apply(ParkedBatch batch, SendOutcome outcome) {
        List<DeliveryResult> answered = new ArrayList<>(outcome.results());
        List<Send> parked = outcome.parked();
        Instant now = clock.instant();
        boolean givenUp = !parked.isEmpty() && !now.isBefore(batch.firstParkedAt().plus(settings.giveUpAfter()));
        if (givenUp) {
            parked.forEach(s -> answered.add(s.failed(ErrorCode.PROVIDER_UNAVAILABLE, null,
                    "Provider unavailable since " + batch.firstParkedAt() + ": " + outcome.parkedBecause(), null)));
            log.warn("Gave up {} {} sends after {}: {}", parked.size(), batch.channel(), settings.giveUpAfter(),
                    outcome.parkedBecause());
        }
        ledger.record(answered);
        if (!outcome.inDoubt().isEmpty()) {
            meters.inDoubt(outcome.inDoubt());
            log.warn("{} {} sends in doubt (no answer from the provider), first {}: settled by a webhook or after {}",
                    outcome.inDoubt().size(), batch.channel(), Redact.address(outcome.inDoubt().get(0).address()),
                    settings.inDoubtWindow());
        }
        boolean waits = !parked.isEmpty() && !givenUp;
        Instant next = null;
        if (waits) {
            // stored before anything is published: if publishing fails, the parked sends are safe in the store and
            // the answers are re-published from the ledger when the request or the batch is taken again
            int tries = batch.tries() + 1;
            next = now.plus(backoff.delay(tries, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble()));
            deferred.save(new ParkedBatch(batch.id(), batch.channel(), batch.content(), List.copyOf(parked),
                    batch.firstParkedAt(), tries, next, outcome.parkedBecause(), false));
            ledger.park(parked);
            log.info("Parked {} {} sends ({}), next try at {}", parked.size(), batch.channel(), outcome.parkedBecause(),
                    next);
        }
        results.publish(answered);
        if (waits && batch.tries() == 0) {
            announce(batch, outcome, next, parked);
        }
        return waits;
    }

    /**
     * Tells the notice its parked channels have had their first answer. Only once the batch is durable, and never
     * at its expense: if Kafka is down too, the sends still wait in the store and go out later; the notice then just
     * stays SENDING until their results arrive.
     */
    private void announce(ParkedBatch batch, SendOutcome outcome, Instant next, List<Send> parked) {
        try {
            deferrals.publish(batch.channel(), provider(batch.channel()), outcome.parkedBecause(), next,
                    batch.firstParkedAt().plus(settings.giveUpAfter()), parked);
        } catch (RuntimeException e) {
            log.warn("Could not announce {} parked {} sends as deferred: {}", parked.size(), batch.channel(),
                    e.getMessage());
        }
    }

    private static String provider(Channel channel) {
        return (channel == Channel.EMAIL ? Provider.SENDGRID : Provider.TWILIO).id();
    }
}
