package com.propty.events;

/** Who a resend targets (CONTRACT §1). */
public enum ResendScope {
    FAILED_ONLY, ALL_UNDELIVERED, SELECTED;

    /** FAILED_ONLY and ALL_UNDELIVERED are full resends, SELECTED a partial one. */
    public ResendType type() {
        return this == SELECTED ? ResendType.PARTIAL : ResendType.FULL;
    }
}
