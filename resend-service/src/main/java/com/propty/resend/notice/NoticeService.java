package com.propty.resend.notice;

import com.propty.kit.ApiProblem;
import com.propty.kit.InternalClients;
import com.propty.kit.tracing.TracedExecutors;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The client of notice-service's internal delivery-states API, the one source of truth for notice
 * status, recipients and current contacts. Time limiter inside circuit breaker inside retry: a slow
 * answer counts as a failure, a broken notice-service is not hammered, and callers get a 503 problem
 * ({@code NOTICE_SERVICE_UNAVAILABLE}) rather than a 500 or a hang. Every call carries a fresh service token
 * (subject {@code service:resend-service}, role SERVICE): the internal API answers nothing without one.
 */
@Component
public class NoticeService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    /** Instances that may refuse one call in turn before it fails (a killed one, or two). */
    private static final int REFUSALS = 3;

    private final RestClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    public NoticeService(NoticeServiceProperties properties, InternalClients clients) {
        this.client = clients.of("notice-service", properties.timeout());
        this.retry = Retry.of("notice-service", RetryConfig.custom()
                .maxAttempts(properties.retry().maxAttempts())
                .waitDuration(properties.retry().waitDuration())
                .retryOnException(e -> !(e instanceof NoticeNotFound)
                        && !(e instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException))
                .build());
        NoticeServiceProperties.CircuitBreaker cb = properties.circuitBreaker();
        this.circuitBreaker = CircuitBreaker.of("notice-service", CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRateThreshold())
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                .waitDurationInOpenState(cb.waitInOpenState())
                .ignoreExceptions(NoticeNotFound.class)
                .build());
        this.timeLimiter = TimeLimiter.of("notice-service", TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeout().plusMillis(500))
                .cancelRunningFuture(true)
                .build());
        AtomicInteger threads = new AtomicInteger();
        // the call runs in the request's trace (and carries its traceparent) though on a thread of its own
        this.calls = TracedExecutors.inSubmittersTrace(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "notice-service-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * The delivery states of the notice's recipients a resend could target (a FAILED or SKIPPED channel) and of the
     * selected ones, whatever their states; 404 problem when there is no such notice, 503 when notice-service cannot
     * answer. With the {@code knownVersion} of an answer kept, notice-service leaves out the former while that version
     * is current ({@link NoticeDeliveryStates#holdsFailures()}).
     */
    public NoticeDeliveryStates deliveryStates(String noticeId, Collection<String> selected, String knownVersion) {
        Map<String, Object> selection = new HashMap<>();
        selection.put("recipientIds", selected.stream().filter(Objects::nonNull).distinct().toList());
        if (knownVersion != null) {
            selection.put("knownVersion", knownVersion);
        }
        // a refused connection (an instance gone) goes straight to the next instance: not a failure of notice-service
        Callable<NoticeDeliveryStates> call = () -> InternalClients.onLiveInstance(REFUSALS, () -> client.post()
                .uri("/internal/notices/{id}/delivery-states", noticeId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(selection)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        throw new NoticeNotFound(noticeId);
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("notice-service answered " + response.getStatusCode());
                    }
                    return response.bodyTo(NoticeDeliveryStates.class);
                }));
        Callable<NoticeDeliveryStates> limited = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> calls.submit(call));
        Callable<NoticeDeliveryStates> guarded = Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(circuitBreaker, limited));
        try {
            NoticeDeliveryStates states = guarded.call();
            if (states == null) {
                throw new IllegalStateException("notice-service answered without a body");
            }
            return states;
        } catch (NoticeNotFound e) {
            throw ApiProblem.notFound("Notice");
        } catch (Exception e) {
            log.warn("notice-service unavailable for notice {}: {}", noticeId, e.toString());
            throw unavailable();
        }
    }

    public static ApiProblem unavailable() {
        return ApiProblem.unavailable("NOTICE_SERVICE_UNAVAILABLE",
                "Notice service unavailable",
                "The notice's delivery states cannot be read right now; nothing was resent. Try again shortly.");
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
