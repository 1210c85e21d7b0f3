package com.propty.delivery.webhook;

import java.util.Collection;
import java.util.Set;

/** Provider events already applied ({@code store.MongoAppliedEvents}), by key: a replay changes nothing. */
public interface AppliedEvents {

    /** The keys among these already applied. */
    Set<String> alreadyApplied(Collection<String> keys);

    /** Marks these applied; a key a concurrent delivery marked first is applied either way. */
    void markApplied(Collection<String> keys);
}
