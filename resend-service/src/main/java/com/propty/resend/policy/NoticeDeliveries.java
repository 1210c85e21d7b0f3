package com.propty.resend.policy;

import java.util.List;
import java.util.Map;

/** Everything the policy decides on: the notice status, its recipients and the claims on its channels. */
public record NoticeDeliveries(String status, List<Recipient> recipients, Map<ChannelKey, Claim> claims) {

    public NoticeDeliveries {
        recipients = List.copyOf(recipients);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
