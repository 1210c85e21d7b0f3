package com.propty.resend.options;

import com.propty.events.QuietHours;
import com.propty.events.ResendScope;
import com.propty.kit.Caller;
import com.propty.resend.notice.CurrentDeliveries;
import com.propty.resend.policy.Decision;
import com.propty.resend.policy.NoticeDeliveries;
import com.propty.resend.policy.Recipient;
import com.propty.resend.policy.Rejection;
import com.propty.resend.policy.ResendPolicy;
import com.propty.resend.policy.ScopeCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The resend dialog's three scopes with their counts (CONTRACT §3 resend-options). Counts come from
 * the same {@link ResendPolicy} as the resend itself, so a resend sends exactly what the dialog showed
 * (unless someone else claimed a channel in between). Ids that are not recipients are ignored here.
 */
@Component
public class ResendOptions {

    private final CurrentDeliveries deliveries;
    private final Clock clock;

    public ResendOptions(CurrentDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Options of(Caller caller, String noticeId, Collection<String> selected) {
        CurrentDeliveries.Snapshot snapshot = deliveries.of(caller, noticeId, selected == null ? Set.of() : selected);
        NoticeDeliveries notice = snapshot.deliveries();
        Set<String> recipients = notice.recipients().stream().map(Recipient::id).collect(Collectors.toSet());
        Set<String> selection = selected == null ? Set.of()
                : selected.stream().filter(recipients::contains).collect(Collectors.toSet());
        boolean resendable = ResendPolicy.resendable(notice);
        List<Option> options = new ArrayList<>();
        for (ResendScope scope : ResendScope.values()) {
            if (!resendable || (scope == ResendScope.SELECTED && selection.isEmpty())) {
                options.add(Option.disabled(scope));
                continue;
            }
            Decision decision = ResendPolicy.decide(notice, scope, selection);
            if (!decision.accepted() && decision.rejection() != Rejection.NO_FAILED_RECIPIENTS) {
                options.add(Option.disabled(scope));
                continue;
            }
            ScopeCounts c = decision.counts();
            Decision withFallback = ResendPolicy.decide(notice, scope, selection, true);
            options.add(new Option(scope, c.recipients(), c.emails(), c.sms(), decision.accepted(), c.skipped(),
                    c.addressUnchanged(), c.nextEligibleAt(), Fallback.of(withFallback)));
        }
        return new Options(resendable, options, QuietHoursNow.of(snapshot.notice().quietHours(), clock.instant()));
    }

    /**
     * {@code quietHours}: when a resend sent now has its SMS wait (README "Never at night"): every scope's {@code sms}
     * (or its fallback total's) wait until {@code until}; null when SMS would go at once (outside quiet hours, switched
     * off, or an urgent notice).
     */
    public record Options(boolean resendable, List<Option> options, QuietHoursNow quietHours) {
    }

    /** The quiet hours holding SMS now, in the property's time zone, and when they end. */
    public record QuietHoursNow(Instant until, String timeZone, String start, String end) {

        static QuietHoursNow of(QuietHours window, Instant now) {
            Instant until = window == null ? null : window.holdUntil(now);
            return until == null ? null : new QuietHoursNow(until, window.timeZone(), window.start(), window.end());
        }
    }

    /**
     * {@code nextEligibleAt}: when the first channel skipped as cooling down may be resent (null: none is);
     * {@code fallback}: the same scope with "also try their other channel" ticked.
     */
    public record Option(ResendScope scope, int recipients, int emails, int sms, boolean enabled,
            ScopeCounts.Skipped skipped, int addressUnchanged, Instant nextEligibleAt, Fallback fallback) {

        static Option disabled(ResendScope scope) {
            return new Option(scope, 0, 0, 0, false, ScopeCounts.Skipped.NONE, 0, null, Fallback.NONE);
        }
    }

    /**
     * The scope with the fallback option (README "Reach them another way"): {@code emails} and {@code sms} go by the
     * recipient's other channel, instead of a channel that cannot succeed as it stands; {@code total} is everything
     * the scope then resends, fallback included, with what it then skips, and {@code enabled} whether it resends
     * anything.
     */
    public record Fallback(int emails, int sms, boolean enabled, Total total) {

        static final Fallback NONE = new Fallback(0, 0, false, new Total(0, 0, 0, ScopeCounts.Skipped.NONE, 0));

        static Fallback of(Decision decision) {
            ScopeCounts c = decision.counts();
            return new Fallback(c.fallbackEmails(), c.fallbackSms(), decision.accepted(),
                    new Total(c.recipients(), c.emails(), c.sms(), c.skipped(), c.addressUnchanged()));
        }
    }

    /** The scope's counts with the fallback, as {@link Option} has them without. */
    public record Total(int recipients, int emails, int sms, ScopeCounts.Skipped skipped, int addressUnchanged) {
    }
}
