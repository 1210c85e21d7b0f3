package com.propty.resend.notice;

import com.propty.kit.Caller;
import com.propty.resend.claim.Claims;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.resend.policy.NoticeDeliveries;
import com.propty.resend.policy.Recipient;
import com.propty.resend.policy.ResendLimits;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A notice's delivery states as the policy needs them: notice-service's view (status, recipients,
 * current contacts) joined with this service's claims, after checking that the caller may see it.
 */
@Component
public class CurrentDeliveries {

    private final NoticeService noticeService;
    private final Claims claims;
    private final ResendLimitProperties limits;
    private final Clock clock;

    public CurrentDeliveries(NoticeService noticeService, Claims claims, ResendLimitProperties limits, Clock clock) {
        this.noticeService = noticeService;
        this.claims = claims;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The notice as a resend sees it: the recipients it could target, and the selected ones (so the policy can tell a
     * recipient from an id that is not one).
     */
    public Snapshot of(Caller caller, String noticeId, Collection<String> selected) {
        NoticeDeliveryStates states = noticeService.deliveryStates(noticeId, selected);
        caller.requireProperty(states.propertyId(), "Notice");
        List<Recipient> recipients = states.recipients().stream().map(NoticeDeliveryStates.RecipientStates::toRecipient)
                .toList();
        Map<ChannelKey, Integer> attempts = new HashMap<>();
        for (Recipient recipient : recipients) {
            recipient.channels().forEach((channel, state) ->
                    attempts.put(new ChannelKey(recipient.id(), channel), state.attempt()));
        }
        Map<ChannelKey, Claim> claimed = claims.of(noticeId, attempts);
        ResendLimits now = new ResendLimits(limits.maxPerChannel(), limits.cooldown(), clock.instant());
        return new Snapshot(states, new NoticeDeliveries(states.status(), recipients, claimed, now));
    }

    /** notice-service's answer (content, property) and the policy's input built from it. */
    public record Snapshot(NoticeDeliveryStates notice, NoticeDeliveries deliveries) {
    }
}
