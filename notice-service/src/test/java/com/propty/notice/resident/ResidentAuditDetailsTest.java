package com.propty.notice.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidentAuditDetailsTest {

    @Test
    void aCreatedResidentsAddressesAreMasked() {
        assertThat(ResidentAuditDetails.created("ann.lee@example.com", "+15145550123"))
                .containsExactly(Map.entry("email", "a***@example.com"), Map.entry("phone", "***0123"));
        assertThat(ResidentAuditDetails.created(null, null)).isEmpty();
    }

    @Test
    void aChangeNamesTheChangedFieldsAndMasksOnlyTheNewAddresses() {
        Map<String, String> before = resident("Ann", "ann@example.com", "+15145550001", "4B");
        Map<String, String> after = resident("Ann Lee", "ann.lee@example.com", "+15145550001", "5C");
        Map<String, String> details = ResidentAuditDetails.changed(before, after);
        assertThat(details).containsExactly(Map.entry("fields", "email,name,unit"),
                Map.entry("email", "a***@example.com"));
        assertThat(details.values()).noneMatch(v -> v.contains("ann.lee") || v.contains("Ann"));
    }

    @Test
    void aClearedAddressIsShownAsADash() {
        Map<String, String> details = ResidentAuditDetails.changed(resident("Ann", null, "+15145550001", null),
                resident("Ann", null, null, null));
        assertThat(details).containsExactly(Map.entry("fields", "phone"), Map.entry("phone", "-"));
    }

    @Test
    void aPatchThatChangesNothingNamesNoField() {
        Map<String, String> same = resident("Ann", "ann@example.com", null, null);
        assertThat(ResidentAuditDetails.changed(same, same)).containsExactly(Map.entry("fields", ""));
    }

    private static Map<String, String> resident(String name, String email, String phone, String unit) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("unit", unit);
        return fields;
    }
}
