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
 * {@code notice.resend.fallbacks} counts the part of them sent by a recipient's other channel, by {@code channel}.
 * An idempotent replay is not a new resend and is not counted. All series exist from start-up.
 */
@Component
public class ResendMeters {

    public static final String RESENDS = "notice.resends";
    public static final String TARGETS = "notice.resend.targets";
    public static final String FALLBACKS = "notice.resend.fallbacks";

    private record Meters(Counter resends, Counter emails, Counter sms) {
    }

    private final Map<ResendScope, Meters> byScope = new EnumMap<>(ResendScope.class);
    private final Counter fallbackEmails;
    private final Counter fallbackSms;

    public ResendMeters(MeterRegistry registry) {
        for (ResendScope scope : ResendScope.values()) {
            String scopeTag = scope.name().toLowerCase(Locale.ROOT);
            byScope.put(scope, new Meters(
                    Counter.builder(RESENDS).description("Resends accepted, by scope and type").tag("scope", scopeTag)
                            .tag("type", scope.type().name().toLowerCase(Locale.ROOT)).register(registry),
                    target(registry, scopeTag, "email"), target(registry, scopeTag, "sms")));
        }
        fallbackEmails = fallback(registry, "email");
        fallbackSms = fallback(registry, "sms");
    }

    private static Counter fallback(MeterRegistry registry, String channel) {
        return Counter.builder(FALLBACKS).description("Channels resent instead of one that could not succeed, by channel")
                .tag("channel", channel).register(registry);
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
        fallbackEmails.increment(totals.fallbackEmail());
        fallbackSms.increment(totals.fallbackSms());
    }
}
