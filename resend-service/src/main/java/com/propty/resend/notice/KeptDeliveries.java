package com.propty.resend.notice;

import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.resend.policy.Recipient;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last answer read for each notice, least recently used first out, bounded by the recipients they hold in all.
 * An entry is immutable; the map is guarded by this object. Each instance keeps its own: what makes an entry usable
 * is its versions, checked against the store and notice-service on every use, not this instance's memory.
 */
final class KeptDeliveries {

    /**
     * One notice's recipients with a FAILED or SKIPPED channel and their claims, as of {@code version} (notice-service)
     * and {@code claimsVersion} ({@code Claims.version}); the claims part holds until {@code claimsUntil}, the whole until
     * {@code until}.
     */
    record Kept(String version, long claimsVersion, List<Recipient> failing, Set<String> ids,
            Map<ChannelKey, Claim> claims, Instant claimsUntil, Instant until) {

        boolean claimsHoldAt(long currentClaimsVersion, Instant now) {
            return claimsVersion == currentClaimsVersion && (claimsUntil == null || now.isBefore(claimsUntil));
        }
    }

    private final int maxRecipients;
    private final LinkedHashMap<String, Kept> byNotice = new LinkedHashMap<>(16, 0.75f, true);
    private long recipients;

    KeptDeliveries(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    /** The notice's entry while it is not older than its {@code until}; null otherwise. */
    synchronized Kept get(String noticeId, Instant now) {
        Kept kept = byNotice.get(noticeId);
        if (kept != null && !now.isBefore(kept.until())) {
            remove(noticeId);
            return null;
        }
        return kept;
    }

    synchronized void put(String noticeId, Kept kept) {
        remove(noticeId);
        if (kept.failing().size() > maxRecipients) {
            return;
        }
        byNotice.put(noticeId, kept);
        recipients += kept.failing().size();
        Iterator<Kept> eldest = byNotice.values().iterator();
        while (recipients > maxRecipients && eldest.hasNext()) {
            recipients -= eldest.next().failing().size();
            eldest.remove();
        }
    }

    synchronized int size() {
        return byNotice.size();
    }

    private void remove(String noticeId) {
        Kept old = byNotice.remove(noticeId);
        if (old != null) {
            recipients -= old.failing().size();
        }
    }
}
