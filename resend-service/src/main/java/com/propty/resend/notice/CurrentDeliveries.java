package com.propty.resend.notice;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.kit.Caller;
import com.propty.resend.claim.Claims;
import com.propty.resend.notice.KeptDeliveries.Kept;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.resend.policy.DeliveryState;
import com.propty.resend.policy.NoticeDeliveries;
import com.propty.resend.policy.Recipient;
import com.propty.resend.policy.ResendLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A notice's delivery states as the policy needs them: notice-service's view (status, recipients,
 * current contacts) joined with this service's claims, after checking that the caller may see it.
 *
 * <p>Large notices are read once, then asked by version (README "Resend options at scale"). The recipients with a
 * FAILED or SKIPPED channel and their claims are kept per notice ({@link KeptDeliveries}); every call still asks
 * notice-service, sending the kept answer's version, and reads the notice's claim version first. notice-service
 * answers either everything (the version moved: a result, a resend's claim, a resident's change, the status) or,
 * while the version is current, only the selection; the claims are read again when their version moved or one of
 * them may have been abandoned since. So every call reflects every change answered before it — a fixed address shows
 * in the next dialog — while a dialog opened on a settled notice costs a few key lookups, not a read of its
 * failures.
 */
@Component
public class CurrentDeliveries {

    public static final String READS = "notice.delivery.states.reads";

    private final NoticeService noticeService;
    private final Claims claims;
    private final ResendLimitProperties limits;
    private final NoticeServiceProperties.Keep keep;
    private final KeptDeliveries kept;
    private final Clock clock;
    private final Counter wholeReads;
    private final Counter selectionReads;

    public CurrentDeliveries(NoticeService noticeService, Claims claims,
            ResendLimitProperties limits, NoticeServiceProperties properties, Clock clock, MeterRegistry registry) {
        this.noticeService = noticeService;
        this.claims = claims;
        this.limits = limits;
        this.keep = properties.keep();
        this.kept = new KeptDeliveries(keep.maxRecipients());
        this.clock = clock;
        this.wholeReads = reads(registry, "whole");
        this.selectionReads = reads(registry, "selection");
    }

    /** {@code notice.delivery.states.reads} by {@code answer}: whole (the failures read) or selection (kept ones). */
    private static Counter reads(MeterRegistry registry, String answer) {
        return Counter.builder(READS).description("notice-service delivery-states answers, whole or selection only")
                .tag("answer", answer).register(registry);
    }

    /**
     * The notice as a resend sees it: the recipients it could target, and the selected ones (so the policy can tell a
     * recipient from an id that is not one).
     */
    public Snapshot of(Caller caller, String noticeId, Collection<String> selected) {
        Instant now = clock.instant();
        long claimsVersion = claims.version(noticeId); // before the claims it versions
        Kept before = kept.get(noticeId, now);
        NoticeDeliveryStates states = noticeService.deliveryStates(noticeId, selected,
                before == null ? null : before.version());
        if (!states.holdsFailures() && (before == null || !before.version().equals(states.version()))) {
            // left out for a version not kept here (another instance's answer, say): ask for everything
            before = null;
            states = noticeService.deliveryStates(noticeId, selected, null);
        }
        caller.requireProperty(states.propertyId(), "Notice");
        List<Recipient> answered = states.recipients().stream()
                .map(NoticeDeliveryStates.RecipientStates::toRecipient).toList();

        (states.holdsFailures() ? wholeReads : selectionReads).increment();
        Kept current;
        if (states.holdsFailures()) {
            List<Recipient> failing = answered.stream().filter(CurrentDeliveries::failing).toList();
            current = withClaims(noticeId, states.version(), claimsVersion, failing, now.plus(keep.maxAge()));
        } else if (before.claimsHoldAt(claimsVersion, now)) {
            current = before;
        } else {
            current = withClaims(noticeId, before.version(), claimsVersion, before.failing(), before.until());
        }
        if (current != before && current.version() != null) {
            kept.put(noticeId, current);
        }

        // the selection beyond the recipients kept (a delivered one, say), with its own claims: key lookups
        List<Recipient> extra = answered.stream().filter(r -> !current.ids().contains(r.id())).toList();
        List<Recipient> recipients = current.failing();
        Map<ChannelKey, Claim> claimed = current.claims();
        if (!extra.isEmpty()) {
            recipients = new ArrayList<>(current.failing());
            recipients.addAll(extra);
            claimed = new HashMap<>(current.claims());
            claimed.putAll(claims.of(noticeId, attempts(extra)));
        }
        ResendLimits limitsNow = new ResendLimits(limits.maxPerChannel(), limits.cooldown(), now);
        return new Snapshot(states, new NoticeDeliveries(states.status(), recipients, claimed, limitsNow));
    }

    private Kept withClaims(String noticeId, String version, long claimsVersion, List<Recipient> failing,
            Instant until) {
        Claims.Read read = claims.read(noticeId, attempts(failing));
        Set<String> ids = new HashSet<>();
        failing.forEach(r -> ids.add(r.id()));
        return new Kept(version, claimsVersion, failing, ids, Map.copyOf(read.byChannel()), read.stableUntil(), until);
    }

    /** The recipients notice-service answers whatever the selection: a channel FAILED or SKIPPED. */
    private static boolean failing(Recipient recipient) {
        for (DeliveryState state : recipient.channels().values()) {
            if (state.status() == DeliveryStatus.FAILED || state.status() == DeliveryStatus.SKIPPED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The claims to look up: each channel of each recipient from its projected attempt, and a channel the notice was
     * not sent on from the start, since a fallback resend may have claimed it (README "Reach them another way").
     */
    private static Map<ChannelKey, Integer> attempts(List<Recipient> recipients) {
        Map<ChannelKey, Integer> attempts = new HashMap<>();
        for (Recipient recipient : recipients) {
            for (Channel channel : Channel.values()) {
                DeliveryState state = recipient.channels().get(channel);
                attempts.put(new ChannelKey(recipient.id(), channel), state == null ? 1 : state.attempt());
            }
        }
        return attempts;
    }

    /** notice-service's answer (content, property) and the policy's input built from it. */
    public record Snapshot(NoticeDeliveryStates notice, NoticeDeliveries deliveries) {
    }
}
