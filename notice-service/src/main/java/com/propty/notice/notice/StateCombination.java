package com.propty.notice.notice;

import com.propty.events.DeliveryStatus;

/**
 * How many recipients of a notice are in one combination of channel states; a channel the notice
 * does not use is null. A notice's stats and status derive from these rows alone, so they are what a
 * notice's counters keep ({@link CombinationCounts}), under a {@linkplain #key key} per combination.
 */
public record StateCombination(ChannelSnapshot email, ChannelSnapshot sms, long count) {

    /**
     * The combination's name in a notice's counters, e.g. {@code EPENDING1d_SFAILED2}: per channel its status,
     * {@code 1} for the first dispatch or {@code 2} for any resend, {@code d} when a PENDING attempt was deferred,
     * {@code -} when the notice does not use the channel. Only what the stats and the status rule read is in it
     * ({@link ChannelSnapshot#counted}), so a notice has a few dozen keys at most however many resends it had.
     */
    public static String key(ChannelSnapshot email, ChannelSnapshot sms) {
        return "E" + code(email) + "_S" + code(sms);
    }

    public String key() {
        return key(email, sms);
    }

    /** The combination a key names, with a count. */
    public static StateCombination of(String key, long count) {
        int split = key.indexOf("_S");
        if (!key.startsWith("E") || split < 0) {
            throw new IllegalArgumentException("Not a state combination: " + key);
        }
        return new StateCombination(snapshot(key.substring(1, split)), snapshot(key.substring(split + 2)), count);
    }

    private static String code(ChannelSnapshot snapshot) {
        if (snapshot == null) {
            return "-";
        }
        ChannelSnapshot counted = snapshot.counted();
        return counted.status().name() + counted.attempt() + (counted.deferred() ? "d" : "");
    }

    private static ChannelSnapshot snapshot(String code) {
        if (code.equals("-")) {
            return null;
        }
        boolean deferred = code.endsWith("d");
        String rest = deferred ? code.substring(0, code.length() - 1) : code;
        int attempt = rest.charAt(rest.length() - 1) - '0';
        if (attempt != 1 && attempt != 2) {
            throw new IllegalArgumentException("Not a channel state code: " + code);
        }
        return new ChannelSnapshot(DeliveryStatus.valueOf(rest.substring(0, rest.length() - 1)), attempt, deferred);
    }
}
