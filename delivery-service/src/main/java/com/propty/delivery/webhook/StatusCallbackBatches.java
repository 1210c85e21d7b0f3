package com.propty.delivery.webhook;

import com.propty.delivery.resilience.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Twilio posts one status callback per message and status: applied one by one, each costs a ledger read, a ledger
 * write and a broker round trip. Here the callbacks that arrive together — those waiting while the previous batch is
 * applied, and those within a short linger after the first — are applied as one batch (one ledger bulk read and write,
 * one publish), by one thread.
 *
 * <p>Durable by construction: a callback's request stays open until its batch is applied (published and recorded),
 * and only then is it answered 200. A process killed meanwhile answers nothing, so Twilio posts it again; nothing
 * acknowledged lives only in memory.
 */
@Component
public class StatusCallbackBatches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StatusCallbackBatches.class);

    private record Pending(WebhookEvents.Change change, CompletableFuture<Void> applied) {
    }

    private final Consumer<List<WebhookEvents.Change>> apply;
    private final Duration linger;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread applier;
    private volatile boolean running = true;

    @Autowired
    StatusCallbackBatches(WebhookSettling settling, WebhookMeters webhooks, TwilioCallbackProperties properties) {
        this(changes -> webhooks.settled(Provider.TWILIO, changes.size(), settling.apply(changes, List.of())),
                properties.linger(), properties.maxBatch());
    }

    StatusCallbackBatches(Consumer<List<WebhookEvents.Change>> apply, Duration linger, int maxBatch) {
        this.apply = apply;
        this.linger = linger;
        this.maxBatch = Math.max(1, maxBatch);
        this.applier = new Thread(this::applyBatches, "twilio-callback-batches");
        this.applier.setDaemon(true);
        this.applier.start();
    }

    /** Completes once the change is applied; fails if applying its batch failed (the caller answers 503). */
    public CompletableFuture<Void> submit(WebhookEvents.Change change) {
        Pending pending = new Pending(change, new CompletableFuture<>());
        queue.add(pending);
        return pending.applied();
    }

    private void applyBatches() {
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                long deadline = System.nanoTime() + linger.toNanos();
                queue.drainTo(batch, maxBatch - batch.size());
                while (batch.size() < maxBatch) {
                    Pending next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
            } catch (InterruptedException e) {
                batch.forEach(p -> p.applied().completeExceptionally(e));
                Thread.currentThread().interrupt();
                return;
            }
            try {
                apply.accept(batch.stream().map(Pending::change).toList());
                batch.forEach(p -> p.applied().complete(null));
            } catch (RuntimeException e) {
                log.warn("Could not apply {} Twilio status callbacks (Twilio will retry them): {}", batch.size(),
                        e.getMessage());
                batch.forEach(p -> p.applied().completeExceptionally(e));
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        applier.interrupt();
        queue.forEach(p -> p.applied().completeExceptionally(new IllegalStateException("shutting down")));
    }
}
