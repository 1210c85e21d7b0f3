package com.propty.delivery.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code delivery.provider.calls}: the latency of every call that reached a provider, tagged {@code provider} and
 * {@code outcome}: {@code answered} (the provider answered; a SendGrid 400 is an answer too, its sends are counted FAILED
 * in {@code notice.deliveries}), {@code rejected} (the provider refused the message: a Twilio error),
 * {@code unavailable} (down, throttled, refused our credentials: the sends are parked) and {@code in_doubt} (no answer).
 * Calls the circuit breaker, rate limiter or bulkhead did not let through are not here (Resilience4j's
 * {@code resilience4j.circuitbreaker.not.permitted.calls} counts them).
 */
@Component
public class ProviderCallMeters {

    public static final String CALLS = "delivery.provider.calls";
    static final List<String> OUTCOMES = List.of("answered", "rejected", "unavailable", "in_doubt");
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final Map<Provider, Map<String, Timer>> timers = new EnumMap<>(Provider.class);

    public ProviderCallMeters(MeterRegistry registry) {
        for (Provider provider : Provider.values()) {
            Map<String, Timer> byOutcome = new java.util.HashMap<>();
            for (String outcome : OUTCOMES) {
                byOutcome.put(outcome, Timer.builder(CALLS).description("Provider calls, by provider and outcome")
                        .tag("provider", provider.id()).tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                        .register(registry));
            }
            timers.put(provider, byOutcome);
        }
    }

    /** {@code call}, timed: wrap the innermost supplier, so that only calls that left this service are measured. */
    public <T> Supplier<T> timed(Provider provider, Supplier<T> call) {
        return () -> {
            long start = System.nanoTime();
            String outcome = "answered";
            try {
                return call.get();
            } catch (ProviderUnavailable e) {
                outcome = "unavailable";
                throw e;
            } catch (SendInDoubt e) {
                outcome = "in_doubt";
                throw e;
            } catch (RuntimeException e) {
                outcome = "rejected";
                throw e;
            } finally {
                timers.get(provider).get(outcome).record(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }
}
