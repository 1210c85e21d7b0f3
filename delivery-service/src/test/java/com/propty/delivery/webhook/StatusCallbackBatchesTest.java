package com.propty.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusCallbackBatchesTest {

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    volatile boolean failing;
    StatusCallbackBatches batches;

    @AfterEach
    void stop() {
        firstBatchMayFinish.countDown();
        batches.destroy();
    }

    @Test
    void callbacksArrivingWhileABatchIsAppliedAreAppliedTogetherAsTheNext() {
        batches = new StatusCallbackBatches(this::applyBlockingTheFirst, Duration.ZERO, 500);
        CompletableFuture<Void> first = batches.submit(change(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> batchSizes.size() == 1);
        List<CompletableFuture<Void>> waiting = List.of(batches.submit(change(1)), batches.submit(change(2)),
                batches.submit(change(3)));

        firstBatchMayFinish.countDown();

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(first).isCompleted();
        assertThat(batchSizes).containsExactly(1, 3);
    }

    @Test
    void aCallbackIsNotAcknowledgedBeforeItsBatchIsApplied() {
        batches = new StatusCallbackBatches(this::applyBlockingTheFirst, Duration.ZERO, 500);

        CompletableFuture<Void> first = batches.submit(change(0));

        await().atMost(Duration.ofSeconds(5)).until(() -> batchSizes.size() == 1);
        assertThat(first).isNotDone();
        firstBatchMayFinish.countDown();
        first.orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Test
    void aBatchThatCannotBeAppliedFailsEachOfItsCallbacks() {
        failing = true;
        batches = new StatusCallbackBatches(this::apply, Duration.ofMillis(50), 500);

        CompletableFuture<Void> a = batches.submit(change(0));
        CompletableFuture<Void> b = batches.submit(change(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> a.isDone() && b.isDone());
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
    }

    @Test
    void aBatchHoldsAtMostTheMaximum() {
        batches = new StatusCallbackBatches(this::applyBlockingTheFirst, Duration.ZERO, 2);
        batches.submit(change(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> batchSizes.size() == 1);
        List<CompletableFuture<Void>> waiting = List.of(batches.submit(change(1)), batches.submit(change(2)),
                batches.submit(change(3)));

        firstBatchMayFinish.countDown();

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(batchSizes).containsExactly(1, 2, 1);
    }

    private void applyBlockingTheFirst(List<WebhookEvents.Change> changes) {
        batchSizes.add(changes.size());
        if (batchSizes.size() == 1) {
            try {
                firstBatchMayFinish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void apply(List<WebhookEvents.Change> changes) {
        batchSizes.add(changes.size());
        if (failing) {
            throw new IllegalStateException("broker down");
        }
    }

    private static WebhookEvents.Change change(int i) {
        return new WebhookEvents.Change("twilio:SM" + i + ":delivered", DeliveryResult.of("p1", "n1", "r" + i, Channel.SMS, 1,
                "dispatch-1", DeliveryStatus.DELIVERED, null, null, null, "twilio", "SM" + i, "+15145550123"));
    }
}
