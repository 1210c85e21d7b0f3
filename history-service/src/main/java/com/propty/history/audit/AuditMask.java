package com.propty.history.audit;

import com.propty.kit.Redact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The producers mask addresses before they record an entry; history-service masks again whatever still looks like
 * an email address or a phone number (a producer's bug must not put a resident's address in front of every admin).
 */
public final class AuditMask {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{8,20}");

    private AuditMask() {
    }

    public static Map<String, String> details(Map<String, String> details) {
        Map<String, String> masked = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> masked.put(key, value(value)));
        }
        return masked;
    }

    static String value(String value) {
        if (value == null || value.contains("***")) {
            return value;
        }
        if (EMAIL.matcher(value).matches() || (PHONE.matcher(value).matches() && value.startsWith("+"))) {
            return Redact.address(value);
        }
        return value;
    }
}
