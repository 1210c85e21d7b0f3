package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.notice.notice.ChannelSnapshot;
import com.propty.notice.notice.StateCombination;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One recipient's channel states as the projection holds them while it applies a batch: read once by key, merged
 * in memory by {@link com.propty.events.StatusRank} (the same rule as the store's {@code $max}), written back once
 * if anything changed. Which {@linkplain StateCombination#key combination} the recipient is in before and after
 * each change is what moves the notice's counters.
 */
public final class RecipientStates {

    private final String noticeId;
    private final String recipientId;
    private final int position;
    private final Map<Channel, ChannelState> channels;
    private final Map<Channel, Integer> deferred;
    private final Set<Channel> changedChannels = EnumSet.noneOf(Channel.class);
    private final Set<Channel> changedDeferrals = EnumSet.noneOf(Channel.class);
    private final Map<Channel, Instant> heldUntil = new EnumMap<>(Channel.class);

    /** {@code position}: the recipient's place in the notice's table order, or -1 (sent before positions existed). */
    public RecipientStates(String noticeId, String recipientId, int position, Map<Channel, ChannelState> channels,
            Map<Channel, Integer> deferred) {
        this.noticeId = noticeId;
        this.recipientId = recipientId;
        this.position = position;
        this.channels = channels.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(channels);
        this.deferred = deferred.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(deferred);
    }

    public String noticeId() {
        return noticeId;
    }

    public String recipientId() {
        return recipientId;
    }

    public int position() {
        return position;
    }

    /** Each channel's status now. */
    public Map<Channel, DeliveryStatus> statuses() {
        Map<Channel, DeliveryStatus> statuses = new EnumMap<>(Channel.class);
        channels.forEach((channel, state) -> statuses.put(channel, state.status()));
        return statuses;
    }

    /**
     * Merges a state into a channel; whether it changed anything. A channel the recipient was not sent at first takes
     * states of a resend only (attempt 2 on): a fallback resend sends by the recipient's other channel (README "Reach
     * them another way"); anything else on it is not this notice's.
     */
    public boolean merge(Channel channel, ChannelState incoming) {
        ChannelState current = channels.get(channel);
        if (current == null && !ofResend(incoming.attempt())) {
            return false;
        }
        ChannelState latest = current == null ? incoming : ChannelState.latest(current, incoming);
        if (latest == current) {
            return false;
        }
        channels.put(channel, latest);
        changedChannels.add(channel);
        return true;
    }

    /** Remembers that a provider outage deferred this attempt of a channel; whether it changed anything. */
    public boolean markDeferred(Channel channel, int attempt) {
        if (!channels.containsKey(channel) && !ofResend(attempt)) {
            return false;
        }
        Integer current = deferred.get(channel);
        if (current != null && current >= attempt) {
            return false;
        }
        deferred.put(channel, attempt);
        changedDeferrals.add(channel);
        return true;
    }

    /**
     * Remembers that delivery-service holds this attempt of a channel until {@code until} (quiet hours): like a
     * deferral it is the channel's first answer; the end of the hold is kept for the table (the latest one: a later
     * hold ends later). Whether it changed anything.
     */
    public boolean markHeld(Channel channel, int attempt, Instant until) {
        boolean deferredNow = markDeferred(channel, attempt);
        if (!channels.containsKey(channel) && !ofResend(attempt)) {
            return false;
        }
        Instant current = heldUntil.get(channel);
        if (current != null && !until.isAfter(current)) {
            return deferredNow;
        }
        heldUntil.put(channel, until);
        changedDeferrals.add(channel);
        return true;
    }

    /** The ends of the holds to write ($max), of the channels whose deferral changed with a hold. */
    public Map<Channel, Instant> heldUntil() {
        return heldUntil;
    }

    private static boolean ofResend(int attempt) {
        return attempt > 1;
    }

    public String combination() {
        return StateCombination.key(snapshot(Channel.EMAIL), snapshot(Channel.SMS));
    }

    private ChannelSnapshot snapshot(Channel channel) {
        ChannelState state = channels.get(channel);
        if (state == null) {
            return null;
        }
        Integer deferredAttempt = deferred.get(channel);
        boolean waiting = state.status() == DeliveryStatus.PENDING && deferredAttempt != null
                && deferredAttempt >= state.attempt();
        return new ChannelSnapshot(state.status(), state.attempt(), waiting);
    }

    public boolean changed() {
        return !changedChannels.isEmpty() || !changedDeferrals.isEmpty();
    }

    public Map<Channel, ChannelState> changedChannels() {
        Map<Channel, ChannelState> changed = new EnumMap<>(Channel.class);
        changedChannels.forEach(c -> changed.put(c, channels.get(c)));
        return changed;
    }

    public Map<Channel, Integer> changedDeferrals() {
        Map<Channel, Integer> changed = new EnumMap<>(Channel.class);
        changedDeferrals.forEach(c -> changed.put(c, deferred.get(c)));
        return changed;
    }
}
