package com.propty.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the {@link AuditOutbox}'s pending entries on {@code audit-events}, in batches, every
 * {@code propty.audit.relay-interval}, and marks them published by {@code _id} once the broker has them (the
 * binding is synchronous). No lease: several instances may publish the same entry, and a crash between publish and
 * mark publishes it again; history-service upserts by {@code entryId}, so a duplicate changes nothing.
 */
public class AuditRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);

    /** Hands a batch to the broker; returns normally only when every entry was accepted. */
    public interface Publisher {
        void publish(List<AuditOutbox.Pending> entries);
    }

    private final AuditOutbox outbox;
    private final Publisher publisher;
    private final Duration interval;
    private final int batchSize;
    private final Duration keepPublished;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private Instant lastCleanUp = Instant.EPOCH;

    public AuditRelay(AuditOutbox outbox, Publisher publisher, Duration interval, int batchSize,
            Duration keepPublished, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.interval = interval;
        this.batchSize = batchSize;
        this.keepPublished = keepPublished;
        this.clock = clock;
    }

    /** Publishes what is pending, batch after batch; returns how many entries went out. */
    public int relay() {
        int total = 0;
        List<AuditOutbox.Pending> batch;
        do {
            batch = outbox.pending(batchSize);
            if (batch.isEmpty()) {
                break;
            }
            publisher.publish(batch);
            outbox.markPublished(batch.stream().map(AuditOutbox.Pending::entryId).toList());
            total += batch.size();
        } while (batch.size() == batchSize);
        Instant now = clock.instant();
        if (now.isAfter(lastCleanUp.plus(keepPublished))) {
            outbox.forgetPublishedBefore(now.minus(keepPublished));
            lastCleanUp = now;
        }
        return total;
    }

    private void tick() {
        try {
            relay();
        } catch (RuntimeException e) {
            // the entries stay pending and go out on a later tick
            log.warn("Audit relay failed, retrying in {}: {}", interval, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
