package com.propty.resend.policy;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels a resend sends, and why a resend is refused (CONTRACT §1, "Renvoyer un avis").
 *
 * <p>A pure function of the notice's delivery states, the residents' current contacts and the claims
 * in flight, so that the options shown in the dialog and the resend that follows are computed by the
 * very same rule. The checks run in the order of CONTRACT §3: shape (no selection), state (notice not
 * resendable), membership (ids that are not recipients), then "nothing to resend". Channels past the abuse limits
 * ({@link ResendLimits}) are not targets; they are counted under {@code skipped} with their reason.
 */
public final class ResendPolicy {

    private ResendPolicy() {
    }

    public static Decision decide(NoticeDeliveries notice, ResendScope scope, Set<String> selected) {
        Set<String> selection = selected == null ? Set.of() : selected;
        if (scope == ResendScope.SELECTED && selection.isEmpty()) {
            return Decision.rejected(Rejection.NO_RECIPIENTS_SELECTED);
        }
        if (!statusAllowsResend(notice.status())) {
            return Decision.rejected(Rejection.NOTICE_NOT_RESENDABLE);
        }
        if (scope == ResendScope.SELECTED) {
            Set<String> known = new HashSet<>();
            notice.recipients().forEach(r -> known.add(r.id()));
            List<String> unknown = selection.stream().filter(id -> !known.contains(id)).sorted().toList();
            if (!unknown.isEmpty()) {
                return new Decision(Rejection.VALIDATION_FAILED, unknown, List.of(), ScopeCounts.ZERO);
            }
        }
        Decision selection0 = select(notice, scope, selection);
        if (!hasUnclaimedFailure(notice) || selection0.targets().isEmpty()) {
            return new Decision(Rejection.NO_FAILED_RECIPIENTS, List.of(), List.of(), selection0.counts());
        }
        return selection0;
    }

    /**
     * CONTRACT §2: status SENT or PARTIALLY_FAILED and at least one channel FAILED and not claimed by a
     * resend in flight. Only then does the page show the button, and only then is any scope enabled.
     */
    public static boolean resendable(NoticeDeliveries notice) {
        return statusAllowsResend(notice.status()) && hasUnclaimedFailure(notice);
    }

    static boolean statusAllowsResend(String status) {
        return "SENT".equals(status) || "PARTIALLY_FAILED".equals(status);
    }

    private static boolean hasUnclaimedFailure(NoticeDeliveries notice) {
        for (Recipient recipient : notice.recipients()) {
            for (Channel channel : recipient.channels().keySet()) {
                ChannelView view = view(notice, recipient, channel);
                if (!view.claimed() && view.state().status() == DeliveryStatus.FAILED) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Decision select(NoticeDeliveries notice, ResendScope scope, Set<String> selected) {
        List<Target> targets = new ArrayList<>();
        Set<String> targetedRecipients = new LinkedHashSet<>();
        int emails = 0;
        int sms = 0;
        int noAddress = 0;
        int optedOut = 0;
        int addressUnchanged = 0;
        int resendLimit = 0;
        int coolingDown = 0;
        Instant nextEligibleAt = null;
        ResendLimits limits = notice.limits();
        for (Recipient recipient : notice.recipients()) {
            if (scope == ResendScope.SELECTED && !selected.contains(recipient.id())) {
                continue;
            }
            List<ChannelView> views = new ArrayList<>();
            for (Channel channel : Channel.values()) {
                if (recipient.channels().containsKey(channel)) {
                    views.add(view(notice, recipient, channel));
                }
            }
            if (scope == ResendScope.ALL_UNDELIVERED && views.stream().anyMatch(ResendPolicy::reachedOrUnderWay)) {
                continue;
            }
            for (ChannelView view : views) {
                DeliveryStatus status = view.state().status();
                boolean failed = status == DeliveryStatus.FAILED;
                boolean candidate = failed || (scope == ResendScope.ALL_UNDELIVERED && status == DeliveryStatus.SKIPPED);
                if (!candidate || view.claimed() || recipient.archived()) {
                    continue;
                }
                if (recipient.optedOut().contains(view.channel())) {
                    optedOut += failed ? 1 : 0;
                    continue;
                }
                String address = recipient.currentAddress(view.channel());
                if (address == null) {
                    noAddress += failed ? 1 : 0;
                    continue;
                }
                if (limits.limitReached(view.nextAttempt())) {
                    resendLimit++;
                    continue;
                }
                boolean unchanged = failed && sameAddress(view.channel(), address, view.state().address());
                if (unchanged && limits.coolingDown(view.lastResendResultAt())) {
                    coolingDown++;
                    Instant eligible = limits.eligibleAt(view.lastResendResultAt());
                    nextEligibleAt = nextEligibleAt == null || eligible.isBefore(nextEligibleAt) ? eligible
                            : nextEligibleAt;
                    continue;
                }
                targets.add(new Target(recipient.id(), view.channel(), view.nextAttempt(), address));
                targetedRecipients.add(recipient.id());
                if (view.channel() == Channel.EMAIL) {
                    emails++;
                } else {
                    sms++;
                }
                if (unchanged) {
                    addressUnchanged++;
                }
            }
        }
        ScopeCounts counts = new ScopeCounts(targetedRecipients.size(), emails, sms,
                new ScopeCounts.Skipped(noAddress, optedOut, resendLimit, coolingDown), addressUnchanged, nextEligibleAt);
        return new Decision(null, List.of(), targets, counts);
    }

    /** A recipient who got the notice, or whose channel is still under way, is not "undelivered". */
    private static boolean reachedOrUnderWay(ChannelView view) {
        DeliveryStatus status = view.claimed() ? DeliveryStatus.PENDING : view.state().status();
        return status == DeliveryStatus.SENT || status == DeliveryStatus.DELIVERED || status == DeliveryStatus.PENDING;
    }

    /** Emails compare case-insensitively (providers do); phone numbers are E.164, compared as is. */
    private static boolean sameAddress(Channel channel, String current, String failedWith) {
        if (failedWith == null) {
            return false;
        }
        return channel == Channel.EMAIL ? current.equalsIgnoreCase(failedWith) : current.equals(failedWith);
    }

    /**
     * One channel as seen through both notice-service's projection and this service's claim: the newer
     * state wins (notice-service may lag), and the next attempt follows the highest attempt either saw.
     */
    private static ChannelView view(NoticeDeliveries notice, Recipient recipient, Channel channel) {
        DeliveryState state = recipient.channels().get(channel);
        Claim claim = notice.claims().get(new ChannelKey(recipient.id(), channel));
        if (claim == null) {
            return new ChannelView(channel, state, false, state.attempt() + 1, null);
        }
        DeliveryState merged = DeliveryState.newest(state, claim.last());
        int next = Math.max(merged.attempt(), claim.attempt()) + 1;
        // The cooldown runs from the result of the latest resent attempt, as far as this service saw it.
        Instant lastResendResultAt = claim.attempt() >= merged.attempt() ? claim.lastAt() : null;
        return new ChannelView(channel, merged, claim.inFlight(), next, lastResendResultAt);
    }

    private record ChannelView(Channel channel, DeliveryState state, boolean claimed, int nextAttempt,
            Instant lastResendResultAt) {
    }
}
