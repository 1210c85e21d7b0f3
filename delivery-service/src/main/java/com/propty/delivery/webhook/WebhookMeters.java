package com.propty.delivery.webhook;

import com.propty.delivery.resilience.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code delivery.webhook.events}: provider webhook events by {@code provider} and {@code result}: {@code applied} (a new
 * status change or opt-out), {@code duplicate} (changed nothing: replayed, or outranked by what is known), and, per
 * request, {@code rejected_signature} (missing, bad or stale signature: 401) and {@code malformed} (400).
 */
@Component
public class WebhookMeters {

    public static final String EVENTS = "delivery.webhook.events";
    static final List<String> RESULTS = List.of("applied", "duplicate", "rejected_signature", "malformed");

    private final Map<Provider, Map<String, Counter>> counters = new EnumMap<>(Provider.class);

    public WebhookMeters(MeterRegistry registry) {
        for (Provider provider : Provider.values()) {
            Map<String, Counter> byResult = new java.util.HashMap<>();
            for (String result : RESULTS) {
                byResult.put(result, Counter.builder(EVENTS).description("Provider webhook events, by provider and result")
                        .tag("provider", provider.id()).tag("result", result).register(registry));
            }
            counters.put(provider, byResult);
        }
    }

    /** {@code events} status changes and opt-outs received in one request, {@code applied} of them new. */
    public void settled(Provider provider, int events, int applied) {
        counters.get(provider).get("applied").increment(applied);
        counters.get(provider).get("duplicate").increment(Math.max(0, events - applied));
    }

    public void rejectedSignature(Provider provider) {
        counters.get(provider).get("rejected_signature").increment();
    }

    public void malformed(Provider provider) {
        counters.get(provider).get("malformed").increment();
    }
}
