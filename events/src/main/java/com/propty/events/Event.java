package com.propty.events;

import java.time.Instant;

/** The envelope every event carries (CONTRACT §4). */
public interface Event {
    String eventId();

    String type();

    int version();

    Instant occurredAt();
}
