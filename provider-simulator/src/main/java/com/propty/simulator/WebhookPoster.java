package com.propty.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntToLongFunction;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhooks the way providers do: later than the API answer, and again with backoff when the
 * receiver is down or answers 5xx (a 4xx, e.g. a rejected signature, is not retried). Like SendGrid,
 * which retries for 72 hours, it keeps trying for a configured time ({@link SimulatorSettings#webhookRetryFor}),
 * so a platform restarted meanwhile still gets the provider's last word.
 */
final class WebhookPoster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookPoster.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    record Webhook(String url, String contentType, byte[] body, Map<String, String> headers) {
    }

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulator-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .executor(scheduler).build();
    private final long baseDelayMillis;
    private final Duration retryFor;
    private final IntToLongFunction backoff;

    /** A provider's poster: retries back off as {@link #backoffMillis} says. */
    WebhookPoster(long baseDelayMillis, Duration retryFor) {
        this(baseDelayMillis, retryFor, WebhookPoster::backoffMillis);
    }

    /** @param backoff the wait in ms before try {@code attempt + 1}, by {@code attempt} (a test's is short) */
    WebhookPoster(long baseDelayMillis, Duration retryFor, IntToLongFunction backoff) {
        this.baseDelayMillis = baseDelayMillis;
        this.retryFor = retryFor;
        this.backoff = backoff;
    }

    /** The wait before try {@code attempt + 1}: doubling from 250 ms, at most 5 s. */
    static long backoffMillis(int attempt) {
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 10));
    }

    /** A delay like a provider's: between one and three times the configured base. */
    long nextDelayMillis() {
        return baseDelayMillis <= 0 ? 0 : baseDelayMillis + ThreadLocalRandom.current().nextLong(2 * baseDelayMillis + 1);
    }

    void later(long delayMillis, Runnable task) {
        scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    void post(Webhook webhook) {
        post(webhook, 1, System.nanoTime() + retryFor.toNanos());
    }

    private void post(Webhook webhook, int attempt, long giveUpAt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", webhook.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean retry = failure != null || response.statusCode() >= 500;
            if (!retry) {
                if (response.statusCode() >= 300) {
                    log.warn("Webhook to {} answered {}", webhook.url(), response.statusCode());
                }
                return;
            }
            long backoff = this.backoff.applyAsLong(attempt);
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) - giveUpAt > 0) {
                log.warn("Webhook to {} given up after {} tries in {}", webhook.url(), attempt, retryFor);
                return;
            }
            log.debug("Webhook to {} failed ({}), retrying in {} ms", webhook.url(),
                    failure != null ? failure.getClass().getSimpleName() : response.statusCode(), backoff);
            scheduler.schedule(() -> post(webhook, attempt + 1, giveUpAt), backoff, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
