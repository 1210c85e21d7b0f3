package com.propty.resend.policy;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
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
 *
 * <p>With {@code fallback} (README "Reach them another way"), a recipient's channel that cannot succeed as it stands
 * ({@link #hopeless}) is not retried: the notice goes by the recipient's other channel instead, when that one has a
 * usable address, is not opted out, has never been sent this notice (or was skipped) and is within its own limits.
 * Never both channels to someone who has the notice, or is being sent it, on one.
 */
public final class ResendPolicy {

    private ResendPolicy() {
    }

    public static Decision decide(NoticeDeliveries notice, ResendScope scope, Set<String> selected) {
        return decide(notice, scope, selected, false);
    }

    public static Decision decide(NoticeDeliveries notice, ResendScope scope, Set<String> selected,
            boolean fallback) {
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
        Decision selection0 = select(notice, scope, selection, fallback);
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

    private static Decision select(NoticeDeliveries notice, ResendScope scope, Set<String> selected,
            boolean fallback) {
        List<Target> targets = new ArrayList<>();
        Set<String> targetedRecipients = new LinkedHashSet<>();
        int emails = 0;
        int sms = 0;
        int fallbackEmails = 0;
        int fallbackSms = 0;
        int noAddress = 0;
        int optedOut = 0;
        int addressUnchanged = 0;
        int resendLimit = 0;
        int coolingDown = 0;
        Instant nextEligibleAt = null;
        ResendLimits limits = notice.limits();
        for (Recipient recipient : notice.recipients()) {
            if (recipient.archived() || (scope == ResendScope.SELECTED && !selected.contains(recipient.id()))) {
                continue; // an archived resident gets nothing again, not even by the other channel
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
            Target instead = fallback ? fallbackTarget(notice, scope, recipient, views) : null;
            if (instead != null) {
                targets.add(instead);
                targetedRecipients.add(recipient.id());
                if (instead.channel() == Channel.EMAIL) {
                    emails++;
                    fallbackEmails++;
                } else {
                    sms++;
                    fallbackSms++;
                }
            }
            // with a fallback, the hopeless channel is not retried and the other one is the fallback's
            for (ChannelView view : instead == null ? views : List.<ChannelView>of()) {
                DeliveryStatus status = view.state().status();
                if (!candidate(scope, view)) {
                    continue;
                }
                if (fallback && hopeless(recipient, view) && otherReached(notice, recipient, views, view.channel())) {
                    continue; // never both channels to someone who has the notice, or is being sent it, on one
                }
                boolean failed = status == DeliveryStatus.FAILED;
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
                new ScopeCounts.Skipped(noAddress, optedOut, resendLimit, coolingDown), addressUnchanged, nextEligibleAt,
                fallbackEmails, fallbackSms);
        return new Decision(null, List.of(), targets, counts);
    }

    /** A channel the scope would resend, were it sendable: FAILED (or, for ALL_UNDELIVERED, SKIPPED) and unclaimed. */
    private static boolean candidate(ResendScope scope, ChannelView view) {
        DeliveryStatus status = view.state().status();
        boolean failed = status == DeliveryStatus.FAILED;
        return (failed || (scope == ResendScope.ALL_UNDELIVERED && status == DeliveryStatus.SKIPPED)) && !view.claimed();
    }

    /**
     * The recipient's other channel instead of a hopeless one, or null: a candidate channel that cannot succeed as it
     * stands, and the other channel with a current address, not opted out, unclaimed, never sent this notice or
     * skipped (in ALL_UNDELIVERED a skipped channel with an address is resent as it is, so no fallback then), and
     * within its resend limit (a fallback send is a resend of that channel).
     */
    private static Target fallbackTarget(NoticeDeliveries notice, ResendScope scope, Recipient recipient,
            List<ChannelView> views) {
        for (ChannelView view : views) {
            if (!candidate(scope, view) || !hopeless(recipient, view)) {
                continue;
            }
            ChannelView current = otherView(notice, recipient, views, view.channel());
            Channel other = current.channel();
            String address = recipient.currentAddress(other);
            if (address == null || recipient.optedOut().contains(other)) {
                return null;
            }
            boolean neverSent = current.state() == null;
            boolean skipped = !neverSent && current.state().status() == DeliveryStatus.SKIPPED
                    && scope != ResendScope.ALL_UNDELIVERED;
            if (current.claimed() || !(neverSent || skipped) || notice.limits().limitReached(current.nextAttempt())) {
                return null;
            }
            return new Target(recipient.id(), other, current.nextAttempt(), address, true);
        }
        return null;
    }

    /**
     * A channel that cannot succeed as it stands: opted out, no address now, or failed for its address (invalid, hard
     * bounce, blocked, unreachable) with that address unchanged since.
     */
    private static boolean hopeless(Recipient recipient, ChannelView view) {
        Channel channel = view.channel();
        String address = recipient.currentAddress(channel);
        if (recipient.optedOut().contains(channel) || address == null) {
            return true;
        }
        ErrorCode code = view.state().errorCode();
        if (code == ErrorCode.OPTED_OUT) {
            return true;
        }
        boolean addressFault = code == ErrorCode.INVALID_ADDRESS || code == ErrorCode.BOUNCED
                || code == ErrorCode.BLOCKED || code == ErrorCode.UNREACHABLE;
        return addressFault && view.state().status() == DeliveryStatus.FAILED
                && sameAddress(channel, address, view.state().address());
    }

    /** The recipient's other channel got the notice or is under way, as a notice channel or as a fallback. */
    private static boolean otherReached(NoticeDeliveries notice, Recipient recipient, List<ChannelView> views,
            Channel channel) {
        ChannelView other = otherView(notice, recipient, views, channel);
        return other.claimed() || (other.state() != null && reachedOrUnderWay(other));
    }

    private static ChannelView otherView(NoticeDeliveries notice, Recipient recipient, List<ChannelView> views,
            Channel channel) {
        Channel other = channel == Channel.EMAIL ? Channel.SMS : Channel.EMAIL;
        return views.stream().filter(v -> v.channel() == other).findFirst()
                .orElseGet(() -> view(notice, recipient, other));
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
     * state wins (notice-service may lag), and the next attempt follows the highest attempt either saw. A channel the
     * recipient was never sent (a fallback's, README "Reach them another way") has no state until a claim or a result
     * gives it one, and counts as attempt 1.
     */
    private static ChannelView view(NoticeDeliveries notice, Recipient recipient, Channel channel) {
        DeliveryState state = recipient.channels().get(channel);
        Claim claim = notice.claims().get(new ChannelKey(recipient.id(), channel));
        int projected = state == null ? 1 : state.attempt();
        if (claim == null) {
            return new ChannelView(channel, state, false, projected + 1, null);
        }
        DeliveryState merged = DeliveryState.newest(state, claim.last());
        int seen = merged == null ? projected : merged.attempt();
        int next = Math.max(seen, claim.attempt()) + 1;
        // The cooldown runs from the result of the latest resent attempt, as far as this service saw it.
        Instant lastResendResultAt = claim.attempt() >= seen ? claim.lastAt() : null;
        return new ChannelView(channel, merged, claim.inFlight(), next, lastResendResultAt);
    }

    private record ChannelView(Channel channel, DeliveryState state, boolean claimed, int nextAttempt,
            Instant lastResendResultAt) {
    }
}
