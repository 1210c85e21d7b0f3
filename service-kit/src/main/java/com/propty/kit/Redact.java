package com.propty.kit;

/** Logs never carry full addresses (Standards): these keep just enough to tell two apart. */
public final class Redact {

    private Redact() {
    }

    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return "-";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        return address.length() <= 4 ? "***" : "***" + address.substring(address.length() - 4);
    }
}
