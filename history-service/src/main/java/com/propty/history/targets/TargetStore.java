package com.propty.history.targets;

import com.propty.events.Target;
import com.propty.history.history.TargetState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a resend's detail reads, each by key: the resend, one request chunk, the states of some targets. */
public interface TargetStore {

    /** Whose a resend is and how many request chunks it has. */
    record StoredResend(String resendId, String noticeId, String propertyId, int chunkCount) {
    }

    Optional<StoredResend> resend(String resendId);

    /** The targets of one request chunk in their published order; empty when that chunk has not arrived. */
    List<Target> chunk(String resendId, int chunkIndex);

    /** The stored state of each of these targets of the resend, by {@code recipientId:channel}; absent when none. */
    Map<String, TargetState> states(String resendId, List<Target> targets);
}
