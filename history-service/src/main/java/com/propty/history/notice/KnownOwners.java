package com.propty.history.notice;

import java.util.Optional;

/** The owners of notices already asked about ({@code store.MongoKnownOwners}): a notice never changes property. */
public interface KnownOwners {

    /** The property of the notice, if it was kept. */
    Optional<String> propertyOf(String noticeId);

    /** Keeps the notice's property; a concurrent keep of the same answer changes nothing. */
    void keep(String noticeId, String propertyId);
}
