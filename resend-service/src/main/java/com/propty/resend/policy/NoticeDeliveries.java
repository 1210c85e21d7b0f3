package com.propty.resend.policy;

import java.util.List;
import java.util.Map;

/**
 * Everything the policy decides on: the notice status, its recipients, the claims on its channels and the limits on
 * resending one resident.
 */
public record NoticeDeliveries(String status, List<Recipient> recipients, Map<ChannelKey, Claim> claims,
        ResendLimits limits) {

    public NoticeDeliveries {
        recipients = List.copyOf(recipients);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        limits = limits == null ? ResendLimits.NONE : limits;
    }

    public NoticeDeliveries(String status, List<Recipient> recipients, Map<ChannelKey, Claim> claims) {
        this(status, recipients, claims, ResendLimits.NONE);
    }
}
