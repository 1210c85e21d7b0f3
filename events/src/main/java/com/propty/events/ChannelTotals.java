package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;

/**
 * Targets per channel of a whole request (all chunks together); {@code fallbackEmail} and {@code fallbackSms} are the
 * part of them sent by a recipient's other channel ({@link Target#fallback}), 0 in records from before they existed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelTotals(int email, int sms, int fallbackEmail, int fallbackSms) {

    public ChannelTotals(int email, int sms) {
        this(email, sms, 0, 0);
    }

    public static ChannelTotals count(Collection<Target> targets) {
        int email = 0;
        int fallbackEmail = 0;
        int fallbackSms = 0;
        for (Target target : targets) {
            boolean isEmail = target.channel() == Channel.EMAIL;
            email += isEmail ? 1 : 0;
            fallbackEmail += isEmail && target.fallback() ? 1 : 0;
            fallbackSms += !isEmail && target.fallback() ? 1 : 0;
        }
        return new ChannelTotals(email, targets.size() - email, fallbackEmail, fallbackSms);
    }

    /** How many targets go by fallback, both channels together. */
    public int fallback() {
        return fallbackEmail + fallbackSms;
    }
}
