package com.propty.resend.request;

import com.propty.events.ChannelTotals;
import com.propty.events.ResendScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Resends accepted (README "Meters"): {@code notice.resends} by {@code scope} and {@code type} (PARTIAL for SELECTED,
 * FULL otherwise), and {@code notice.resend.targets}, the channels they resend, by {@code scope} and {@code channel}.
 * An idempotent replay is not a new resend and is not counted. All series exist from start-up.
 */
@Component
public class ResendMeters {

    public static final String RESENDS = "notice.resends";
    public static final String TARGETS = "notice.resend.targets";

    private record Meters(Counter resends, Counter emails, Counter sms) {
    }

    private final Map<ResendScope, Meters> byScope = new EnumMap<>(ResendScope.class);

    public ResendMeters(MeterRegistry registry) {
        for (ResendScope scope : ResendScope.values()) {
            String scopeTag = scope.name().toLowerCase(Locale.ROOT);
            byScope.put(scope, new Meters(
                    Counter.builder(RESENDS).description("Resends accepted, by scope and type").tag("scope", scopeTag)
                            .tag("type", scope.type().name().toLowerCase(Locale.ROOT)).register(registry),
                    target(registry, scopeTag, "email"), target(registry, scopeTag, "sms")));
        }
    }

    private static Counter target(MeterRegistry registry, String scope, String channel) {
        return Counter.builder(TARGETS).description("Channels resent, by scope and channel").tag("scope", scope)
                .tag("channel", channel).register(registry);
    }

    /** A resend accepted and handed over for sending. */
    public void accepted(ResendScope scope, ChannelTotals totals) {
        Meters meters = byScope.get(scope);
        meters.resends().increment();
        meters.emails().increment(totals.email());
        meters.sms().increment(totals.sms());
    }
}
