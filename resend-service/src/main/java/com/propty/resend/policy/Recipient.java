package com.propty.resend.policy;

import com.propty.events.Channel;
import java.util.Map;
import java.util.Set;

/**
 * A recipient of a notice as the policy sees it: the resident's current contact (not the one of the
 * first send) and, per notice channel, the last known delivery state.
 */
public record Recipient(String id, String email, String phone, Set<Channel> optedOut, boolean archived,
        Map<Channel, DeliveryState> channels) {

    public Recipient {
        optedOut = optedOut == null ? Set.of() : Set.copyOf(optedOut);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    /** Where this channel would be sent now; null when the resident has no address for it. */
    public String currentAddress(Channel channel) {
        String address = channel == Channel.EMAIL ? email : phone;
        return address == null || address.isBlank() ? null : address;
    }
}
