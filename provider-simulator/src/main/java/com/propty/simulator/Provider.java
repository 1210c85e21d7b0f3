package com.propty.simulator;

import java.util.Locale;

/** The providers the simulator stands in for. */
public enum Provider {
    SENDGRID, TWILIO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Provider parse(String value) {
        return Provider.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
