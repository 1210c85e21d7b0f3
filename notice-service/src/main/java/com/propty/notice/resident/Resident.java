package com.propty.notice.resident;

import com.propty.events.Channel;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A resident of a property: who notices are sent to. Archived residents stay on the notices they
 * were sent, but are never targeted again. {@code optedOut} lists the channels the resident refused
 * (STOP reply, unsubscribe); they are skipped on every later send. {@code externalId} is the id of the resident in
 * the property's own system (a rent roll's tenant id), set by an import and used to match the next one.
 */
public record Resident(@Id String id, String propertyId, String name, String email, String phone, String unit,
        boolean archived, Set<Channel> optedOut, Instant createdAt, Instant updatedAt, String externalId) {

    @PersistenceCreator
    public Resident {
        optedOut = optedOut == null ? Set.of() : Set.copyOf(optedOut);
    }

    /** A resident with no external id (created by hand, not imported from a rent roll). */
    public Resident(String id, String propertyId, String name, String email, String phone, String unit,
            boolean archived, Set<Channel> optedOut, Instant createdAt, Instant updatedAt) {
        this(id, propertyId, name, email, phone, unit, archived, optedOut, createdAt, updatedAt, null);
    }

    /** The resident's current address for a channel, or null when there is none. */
    public String address(Channel channel) {
        return channel == Channel.EMAIL ? email : phone;
    }
}
