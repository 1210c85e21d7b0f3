package com.propty.notice.notice;

import com.propty.events.Channel;
import com.propty.events.Target;
import com.propty.notice.resident.Resident;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where sending puts a notice's audience and reads its first targets back: the recipients' store
 * ({@code recipient.Recipients}) implements it, so sending depends on this interface and not on the recipients
 * feature, whose projection in turn keeps the notice's counters.
 */
public interface AudienceStore {

    /**
     * Stores the notice's whole audience, safe to repeat after a crash; answers how many recipients are in each
     * combination of states as stored (the base of the notice's counters).
     */
    CombinationCounts storeAudience(String noticeId, List<Channel> channels, List<Resident> residents, Instant now);

    /** The recipients' first-dispatch targets, a page at a time, in the table's order: the same every time. */
    void forEachFirstTargets(String noticeId, Consumer<List<Target>> targets);
}
