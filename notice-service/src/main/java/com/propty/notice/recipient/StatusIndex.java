package com.propty.notice.recipient;

import java.util.Collection;
import java.util.Map;

/**
 * The {@link StatusPositions} of each notice dispatched since they existed ({@code store.MongoStatusIndex}). Seeded
 * whole by the dispatch, then written only by the projection that owns the notice, before the recipients it changed.
 * A notice without them (sent before they existed) has none, and its filtered views walk the audience instead.
 */
public interface StatusIndex {

    /** The positions of these notices, read by key; notices without them are absent. */
    Map<String, StatusPositions> of(Collection<String> noticeIds);

    /** Writes the sets that changed in these notices' positions. */
    void writeChanged(Map<String, StatusPositions> byNotice);
}
