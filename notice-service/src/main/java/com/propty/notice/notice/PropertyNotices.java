package com.propty.notice.notice;

import java.util.Collection;
import java.util.Set;

/**
 * The ids of each property's notices ({@code store.MongoPropertyNotices}), so the notices list reads a property's own
 * notices by key instead of filtering the whole collection — on the embedded store, which scans for any query but one
 * by {@code _id}, a list would otherwise cost every notice of every property ever created.
 *
 * <p>An id is added <em>before</em> its notice is stored, so a crash in between leaves an id without a notice (skipped
 * by the reader), never a notice missing from its list. A property's list is built once, on its first read, from one
 * query; ids added meanwhile by creates are kept (a set), and an id listed twice is read once.
 */
public interface PropertyNotices {

    /** Lists a notice about to be stored. */
    void add(String propertyId, String noticeId);

    /** A deleted draft leaves its property's list (a no-op for an id not listed). */
    void remove(String propertyId, String noticeId);

    /** The ids of the property's notices, or null while its list has not been built. */
    Set<String> ids(String propertyId);

    /** Builds the property's list from the notices it had before lists existed (once; repeating it is harmless). */
    void build(String propertyId, Collection<String> existing);
}
