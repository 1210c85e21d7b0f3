package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;

/** Targets per channel of a whole request (all chunks together). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelTotals(int email, int sms) {

    public static ChannelTotals count(Collection<Target> targets) {
        int email = (int) targets.stream().filter(t -> t.channel() == Channel.EMAIL).count();
        return new ChannelTotals(email, targets.size() - email);
    }
}
