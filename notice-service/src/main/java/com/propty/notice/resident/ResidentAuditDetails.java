package com.propty.notice.resident;

import com.propty.kit.Redact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an audit entry of notice-service says beyond who, what and when: plain rules, no Spring. Addresses appear
 * only masked ({@link Redact#address}); names, units and notice texts not at all (the entry says which fields
 * changed, not to what).
 */
public final class ResidentAuditDetails {

    private ResidentAuditDetails() {
    }

    /** A resident as created: which addresses it has, masked. */
    public static Map<String, String> created(String email, String phone) {
        Map<String, String> details = new LinkedHashMap<>();
        putMasked(details, "email", email);
        putMasked(details, "phone", phone);
        return details;
    }

    /**
     * A resident's change: the names of the fields that differ (sorted, comma-separated) and, for a changed address,
     * the new one masked ({@code -} when cleared).
     */
    public static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> fields = new TreeSet<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                fields.add(field);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fields", String.join(",", fields));
        for (String address : new String[] {"email", "phone"}) {
            if (fields.contains(address)) {
                details.put(address, Redact.address(after.get(address)));
            }
        }
        return details;
    }

    private static void putMasked(Map<String, String> details, String field, String address) {
        if (address != null) {
            details.put(field, Redact.address(address));
        }
    }
}
