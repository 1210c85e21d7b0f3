package com.propty.delivery.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every provider call goes through here: a circuit breaker (an unhealthy provider parks sends at once
 * instead of being hammered), a rate limiter and a bulkhead per provider. None of them waits: a call that
 * is not permitted now fails with {@link ProviderUnavailable} and its sends are parked, so a consumer
 * thread never sleeps. Retries are not done here but by the durable retry store, so that a crash loses none.
 */
@Component
public class ProviderGuard {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuard.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Map<Provider, CircuitBreaker> breakers = new EnumMap<>(Provider.class);
    private final Map<Provider, RateLimiter> limiters = new EnumMap<>(Provider.class);
    private final Map<Provider, Bulkhead> bulkheads = new EnumMap<>(Provider.class);
    private final ResilienceProperties settings;
    private final ProviderCallMeters calls;

    public ProviderGuard(ResilienceProperties settings, MeterRegistry meters, ProviderCallMeters calls) {
        this.settings = settings;
        this.calls = calls;
        CircuitBreakerRegistry breakerRegistry = CircuitBreakerRegistry.ofDefaults();
        RateLimiterRegistry limiterRegistry = RateLimiterRegistry.ofDefaults();
        BulkheadRegistry bulkheadRegistry = BulkheadRegistry.ofDefaults();
        for (Provider provider : Provider.values()) {
            ResilienceProperties.ProviderLimits limits = settings.limits(provider);
            breakers.put(provider, breakerRegistry.circuitBreaker(provider.id(), CircuitBreakerConfig.custom()
                    .failureRateThreshold(limits.failureRateThreshold())
                    .minimumNumberOfCalls(limits.minimumCalls())
                    .slidingWindowSize(limits.slidingWindow())
                    .waitDurationInOpenState(limits.waitInOpenState())
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .recordExceptions(ProviderUnavailable.class, SendInDoubt.class)
                    .ignoreExceptions(RequestNotPermitted.class, BulkheadFullException.class)
                    .build()));
            // Logged as well as exported (resilience4j_circuitbreaker_state): operators and the fault suite
            // see when a provider outage opened the circuit and when it closed again.
            breakers.get(provider).getEventPublisher().onStateTransition(e -> log.warn("Circuit breaker {}: {} -> {}",
                    provider.id(), e.getStateTransition().getFromState(), e.getStateTransition().getToState()));
            limiters.put(provider, limiterRegistry.rateLimiter(provider.id(), RateLimiterConfig.custom()
                    .limitForPeriod(limits.permitsPerSecond())
                    .limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(Duration.ZERO)
                    .build()));
            bulkheads.put(provider, bulkheadRegistry.bulkhead(provider.id(), BulkheadConfig.custom()
                    .maxConcurrentCalls(limits.maxConcurrentCalls())
                    .maxWaitDuration(Duration.ZERO)
                    .build()));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakerRegistry).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiterRegistry).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheadRegistry).bindTo(meters);
    }

    /**
     * Runs a provider call. The call itself throws {@link ProviderUnavailable} or {@link SendInDoubt} for
     * transient failures (they count against the circuit); a rejection is an answer, not a failure.
     */
    public <T> T call(Provider provider, Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breakers.get(provider),
                RateLimiter.decorateSupplier(limiters.get(provider), Bulkhead.decorateSupplier(bulkheads.get(provider), calls.timed(provider, call))));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailable(provider.id() + " circuit open", settings.limits(provider).waitInOpenState(), e);
        } catch (RequestNotPermitted e) {
            throw new ProviderUnavailable(provider.id() + " rate limit reached", BUSY_RETRY, e);
        } catch (BulkheadFullException e) {
            throw new ProviderUnavailable(provider.id() + " has too many calls in progress", BUSY_RETRY, e);
        }
    }

    public CircuitBreaker.State circuit(Provider provider) {
        return breakers.get(provider).getState();
    }
}
