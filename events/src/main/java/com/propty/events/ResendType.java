package com.propty.events;

/** Whether a resend covered every failure of its scope (FULL) or hand-picked recipients (PARTIAL). */
public enum ResendType {
    FULL, PARTIAL
}
