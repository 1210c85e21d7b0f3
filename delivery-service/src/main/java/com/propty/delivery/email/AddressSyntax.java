package com.propty.delivery.email;

/**
 * Whether an email address can be sent to at all, checked before a SendGrid batch: SendGrid refuses a whole request
 * (400) for one address it cannot parse, so an address that is surely malformed becomes its own FAILED
 * INVALID_ADDRESS here and never costs the other recipients a second call. Deliberately no stricter than that: what
 * only SendGrid can judge (a domain it knows to be invalid, its own suppression rules) is still left to its 400, which
 * {@link EmailBatches} splits. The rule: one {@code @}; a local part of 1–64 ASCII "atext" characters (RFC 5322
 * dot-atom: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}) in dot-separated runs; a domain of at least two labels
 * of letters (any script), digits and inner hyphens, each 1–63 characters, with a top-level label that is not all
 * digits; at most 254 characters; no whitespace, quotes, comments or address literals.
 */
public final class AddressSyntax {

    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {
    }

    public static boolean sendable(String address) {
        if (address == null || address.isEmpty() || address.length() > 254) {
            return false;
        }
        int at = address.indexOf('@');
        if (at < 0 || at != address.lastIndexOf('@')) {
            return false;
        }
        return localPart(address.substring(0, at)) && domain(address.substring(at + 1));
    }

    private static boolean localPart(String local) {
        if (local.isEmpty() || local.length() > 64 || !dotSeparated(local)) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c != '.' && !asciiLetterOrDigit(c) && ATEXT_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean domain(String domain) {
        if (domain.length() > 253 || !dotSeparated(domain)) {
            return false;
        }
        String[] labels = domain.split("\\.");
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); ) {
                int c = label.codePointAt(i);
                if (c != '-' && !(c < 128 ? asciiLetterOrDigit((char) c) : Character.isLetterOrDigit(c))) {
                    return false;
                }
                i += Character.charCount(c);
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** Not empty, and no empty run between dots: no leading, trailing or doubled dot. */
    private static boolean dotSeparated(String part) {
        return !part.isEmpty() && !part.startsWith(".") && !part.endsWith(".") && !part.contains("..");
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
