package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Which positions of a notice's audience (its table order, fixed at dispatch) have each channel in each status: one
 * set of positions per (channel, status), ten in all. A filtered view of the table is the union of some of them, so
 * its page {@code p} is the positions from the {@code p × size}-th set one on, found without reading a recipient;
 * a resend reads only the positions with a FAILED or SKIPPED channel. A recipient is {@linkplain #place placed} with
 * its current statuses: placing it again with the same statuses changes nothing, so a redelivered batch is harmless.
 */
public final class StatusPositions {

    private final Map<String, BitSet> sets = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    private StatusPositions(Map<String, BitSet> stored) {
        for (Channel channel : Channel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                String key = key(channel, status);
                BitSet set = stored.get(key);
                sets.put(key, set == null ? new BitSet() : (BitSet) set.clone());
            }
        }
    }

    /** A notice's positions with nothing placed yet (a dispatch places its whole audience). */
    public static StatusPositions empty() {
        return new StatusPositions(Map.of());
    }

    /** The positions as stored, by {@link #key}; missing sets are empty. */
    public static StatusPositions of(Map<String, BitSet> stored) {
        return new StatusPositions(stored);
    }

    public static String key(Channel channel, DeliveryStatus status) {
        return channel.name() + ":" + status.name();
    }

    /** Records that the recipient at this position has exactly these channel statuses now. */
    public void place(int position, Map<Channel, DeliveryStatus> statuses) {
        for (Channel channel : Channel.values()) {
            DeliveryStatus current = statuses.get(channel);
            for (DeliveryStatus status : DeliveryStatus.values()) {
                String key = key(channel, status);
                BitSet set = sets.get(key);
                boolean want = status == current;
                if (set.get(position) != want) {
                    set.set(position, want);
                    changed.add(key);
                }
            }
        }
    }

    /**
     * The positions a table filter selects: any of the channels (or only {@code channel}) in one of the statuses (or
     * in any status, when none is given).
     */
    public BitSet selected(Set<DeliveryStatus> statuses, Channel channel) {
        BitSet union = new BitSet();
        keys(statuses, channel).forEach(key -> union.or(sets.get(key)));
        return union;
    }

    /**
     * The keys of the sets {@link #selected} reads for this filter: a reader needs no other (FAILED alone reads two of
     * the ten).
     */
    public static List<String> keys(Set<DeliveryStatus> statuses, Channel channel) {
        List<String> keys = new ArrayList<>();
        for (Channel c : Channel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                if ((channel == null || c == channel) && (statuses.isEmpty() || statuses.contains(status))) {
                    keys.add(key(c, status));
                }
            }
        }
        return keys;
    }

    /**
     * Up to {@code count} set positions of {@code selected} at or after {@code position}, in order: a walk carries the
     * position after its last batch's last, so each bit is visited once.
     */
    public static List<Integer> startingAt(BitSet selected, int position, int count) {
        List<Integer> positions = new ArrayList<>(Math.max(0, count));
        for (int i = selected.nextSetBit(position); i >= 0 && positions.size() < count; i = selected.nextSetBit(i + 1)) {
            positions.add(i);
        }
        return positions;
    }

    /** Up to {@code count} set positions of {@code selected}, skipping the first {@code skip} of them, in order. */
    public static List<Integer> slice(BitSet selected, long skip, int count) {
        List<Integer> positions = new ArrayList<>(Math.max(0, count));
        long skipped = 0;
        for (int i = selected.nextSetBit(0); i >= 0 && positions.size() < count; i = selected.nextSetBit(i + 1)) {
            if (skipped < skip) {
                skipped++;
            } else {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Every set, by {@link #key}. */
    public Map<String, BitSet> all() {
        return Map.copyOf(sets);
    }

    /** The sets {@link #place} changed since these positions were read. */
    public Map<String, BitSet> changed() {
        Map<String, BitSet> out = new LinkedHashMap<>();
        changed.forEach(key -> out.put(key, sets.get(key)));
        return out;
    }
}
