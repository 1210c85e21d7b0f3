package com.propty.history.history;

import com.propty.events.DeliveryStatus;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the resend history lives ({@code store.MongoHistoryStore}): a summary per resend, each request chunk's targets
 * in order, and the state of each target channel of a resend, merged by rank. Every write is idempotent.
 */
public interface HistoryStore {

    /** Keeps each chunk's resend summary (first write wins) and its targets, in their published order. */
    void keepRequests(List<ResendRequested> chunks);

    /**
     * Merges each state into its target's ({@code $max}: the highest {@link TargetState} wins, so duplicates change
     * nothing and order does not matter); a target not seen yet is created.
     */
    void mergeStates(List<StateOfTarget> states);

    /** The notice's resends, newest first. */
    List<StoredResend> resendsOf(String noticeId);

    /** The status of every target of each of these resends, by resend id. */
    Map<String, List<DeliveryStatus>> statusesOf(List<String> resendIds);

    /** One target channel's state within a resend. */
    record StateOfTarget(String resendId, String noticeId, String recipientId, String channel, TargetState state) {
    }

    /** A resend's summary, as its first request chunk told it. */
    record StoredResend(String resendId, String propertyId, Instant requestedAt, Requester requestedBy,
            ResendScope scope, ResendType type, int recipients, int emails, int sms, int fallbackEmails,
            int fallbackSms) {
    }
}
