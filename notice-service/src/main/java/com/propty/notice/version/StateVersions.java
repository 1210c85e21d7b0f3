package com.propty.notice.version;

import com.propty.kit.version.VersionCounters;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Version counters of what the internal delivery-states answer is made of, so resend-service can keep a notice's
 * answer and ask only whether it is still current (README "Resend options at scale"). One counter per notice
 * ({@code notice:<id>}: its recipients' channel states) and per property ({@code property:<id>}: its residents'
 * contacts, opt-outs and archiving), kept by service-kit's {@link VersionCounters} ({@code state_versions}, built in
 * {@code store.StoreConfiguration}).
 *
 * <p>A writer moves the counter <em>after</em> its change is stored (and, where a request does the writing, also
 * before it, so an answer read in between is never kept under the new value); the controller reads the counters
 * <em>before</em> the states. A crash between a write and its counter is repaired by the projection's redelivery (it
 * moves the counters of every notice in a batch, changed or not) and bounded for the rest by the keeping side's
 * maximum age.
 */
public class StateVersions {

    private final VersionCounters counters;

    public StateVersions(VersionCounters counters) {
        this.counters = counters;
    }

    /** The recipients of these notices changed (or may have: a redelivered batch counts too). */
    public void noticesChanged(Collection<String> noticeIds) {
        counters.move(noticeIds.stream().map(StateVersions::noticeKey).toList());
    }

    /** Residents of these properties changed their contacts, opt-outs or archiving. */
    public void propertiesChanged(Collection<String> propertyIds) {
        counters.move(propertyIds.stream().map(StateVersions::propertyKey).toList());
    }

    /**
     * The version of a notice's delivery states as one opaque tag: the notice's status (read by the caller, from the
     * same read as the rest of its answer), its recipients' counter and its property's. Read before the states.
     */
    public String tag(String noticeId, String propertyId, String status) {
        Map<String, Long> values = counters.of(List.of(noticeKey(noticeId), propertyKey(propertyId)));
        return status + "." + values.get(noticeKey(noticeId)) + "." + values.get(propertyKey(propertyId));
    }

    static String noticeKey(String noticeId) {
        return "notice:" + noticeId;
    }

    static String propertyKey(String propertyId) {
        return "property:" + propertyId;
    }
}
