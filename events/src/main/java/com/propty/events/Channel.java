package com.propty.events;

/** The two ways a notice reaches a resident. */
public enum Channel {
    EMAIL, SMS
}
