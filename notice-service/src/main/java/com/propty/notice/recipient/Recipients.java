package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.notice.notice.AudienceStore;
import com.propty.notice.notice.ChannelSnapshot;
import com.propty.notice.notice.StateCombination;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The recipients of each notice, one per (notice, resident), keyed {@code noticeId:recipientId} ({@link
 * Recipient#id}) so that every write is a key lookup and one consumer partition owns each recipient
 * ({@code store.MongoRecipients}); with the audience's table order (name, then id) and each status's positions, so the
 * table reads a page by key whatever the notice's size.
 */
public interface Recipients extends AudienceStore {

    /** The channel states of these recipients (by {@link Recipient#id}), read by key; unknown ids are absent. */
    Map<String, RecipientStates> statesOf(Collection<String> ids);

    /**
     * Writes what changed in these recipients, each field merged by rank (and the highest deferred attempt), so
     * writing a state again, or after a newer one, changes nothing: a batch redelivered after a crash rewrites exactly
     * what it had not.
     */
    void write(Collection<RecipientStates> changed);

    /**
     * The recount: how many of a notice's recipients are in each combination of channel states. Never on the hot path
     * (it reads every recipient of the notice): it seeds the counters of a notice sent before they existed, and tests
     * compare it with them.
     */
    List<StateCombination> combinations(String noticeId);

    /** Page {@code page} (from 0) of the recipients the filter selects, in table order. */
    List<Recipient> page(Filter filter, int page, int size);

    /** Every selected recipient in table order, handed over in batches so a large notice never sits in memory. */
    void forEachBatch(Filter filter, int batchSize, Consumer<List<Recipient>> batches);

    /** These recipients of a notice, read by key. */
    List<Recipient> byIds(String noticeId, Collection<String> recipientIds);

    /** Which recipients a table filter selects: any channel in one of the statuses, or that channel's. */
    record Filter(String noticeId, Set<DeliveryStatus> statuses, Channel channel) {

        /** How many recipients in these combinations the filter selects: what {@link #matches} would select. */
        public long count(Collection<StateCombination> combinations) {
            long total = 0;
            for (StateCombination c : combinations) {
                if (selects(c)) {
                    total += c.count();
                }
            }
            return total;
        }

        private boolean selects(StateCombination c) {
            if (channel != null) {
                ChannelSnapshot state = channel == Channel.EMAIL ? c.email() : c.sms();
                return state != null && (statuses.isEmpty() || statuses.contains(state.status()));
            }
            return statuses.isEmpty() || (c.email() != null && statuses.contains(c.email().status()))
                    || (c.sms() != null && statuses.contains(c.sms().status()));
        }

        /** Whether the filter selects this recipient (the deferred view is PENDING too: statuses are as stored). */
        public boolean matches(Recipient recipient) {
            if (channel != null) {
                ChannelState state = recipient.channels().get(channel);
                return state != null && (statuses.isEmpty() || statuses.contains(state.status()));
            }
            return statuses.isEmpty()
                    || recipient.channels().values().stream().anyMatch(s -> statuses.contains(s.status()));
        }

        public boolean selectsAll() {
            return statuses.isEmpty() && channel == null;
        }
    }
}
