package com.propty.resend.claim;

import com.propty.kit.version.VersionCounters;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A counter per notice ({@code claim_versions}, keyed by notice id; service-kit {@link VersionCounters}) that moves
 * whenever any of the notice's claims is written, so a notice's claims read once can be kept while it stands still
 * ({@code CurrentDeliveries}). {@link Claims} moves it after each write (a claim, also before it); readers read it
 * before the claims. Shared by every instance through the store, like the claims themselves.
 */
@Component
public class ClaimVersions {

    static final String COLLECTION = "claim_versions";

    private final VersionCounters counters;

    public ClaimVersions(MongoTemplate mongo) {
        this.counters = new VersionCounters(mongo, COLLECTION);
    }

    /** The notice's counter, 0 before its first claim. */
    public long of(String noticeId) {
        return counters.of(List.of(noticeId)).get(noticeId);
    }

    void moved(Collection<String> noticeIds) {
        counters.move(noticeIds);
    }
}
