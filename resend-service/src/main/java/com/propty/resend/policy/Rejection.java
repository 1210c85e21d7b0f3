package com.propty.resend.policy;

/** Why a resend cannot be made; each name IS the API error code (CONTRACT §3). */
public enum Rejection {
    /** SELECTED without any recipient id (400). */
    NO_RECIPIENTS_SELECTED,
    /** Draft, scheduled or still sending (409). */
    NOTICE_NOT_RESENDABLE,
    /** A selected id is not a recipient of the notice (400). */
    VALIDATION_FAILED,
    /** Nothing left to resend in that scope (409). */
    NO_FAILED_RECIPIENTS
}
