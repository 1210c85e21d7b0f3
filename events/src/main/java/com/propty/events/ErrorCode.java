package com.propty.events;

/** Normalised reasons a channel failed or was skipped (CONTRACT §2); the provider's raw code travels beside it. */
public enum ErrorCode {
    INVALID_ADDRESS, BOUNCED, BLOCKED, DROPPED, CARRIER_REJECTED, UNREACHABLE, OPTED_OUT,
    PROVIDER_UNAVAILABLE, SEND_IN_DOUBT, NO_ADDRESS
}
