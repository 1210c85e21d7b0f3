package com.propty.notice.resident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.kit.ApiProblem.FieldError;
import org.junit.jupiter.api.Test;

class ResidentRulesTest {

    @Test
    void phonesMustBeE164() {
        assertThat(ResidentRules.isE164("+15145550123")).isTrue();
        assertThat(ResidentRules.isE164("15145550123")).isFalse();
        assertThat(ResidentRules.isE164("+0145550123")).isFalse();
        assertThat(ResidentRules.isE164("+1 514 555 0123")).isFalse();
        assertThat(ResidentRules.isE164("+1234567890123456")).isFalse();
    }

    @Test
    void emailsMustLookLikeAddresses() {
        assertThat(ResidentRules.isEmail("zoe@example.com")).isTrue();
        assertThat(ResidentRules.isEmail("zoe.t+notices@mail.example.ca")).isTrue();
        assertThat(ResidentRules.isEmail("zoe@example")).isFalse();
        assertThat(ResidentRules.isEmail("zoe example.com")).isFalse();
        assertThat(ResidentRules.isEmail("@example.com")).isFalse();
    }

    @Test
    void everyViolationIsReported() {
        assertThat(ResidentRules.check(null, "x", "y", "u".repeat(51))).hasSize(4);
        assertThat(ResidentRules.check("Zoé", null, null, null)).isEmpty();
    }

    @Test
    void controlCharactersAndHeaderInjectionAreRefused() {
        assertThat(ResidentRules.isEmail("zoe@example.com\r\nBcc: all@example.com")).isFalse();
        assertThat(ResidentRules.isEmail("zoe\u0000@example.com")).isFalse();
        assertThat(ResidentRules.check("Zoé\u0000", null, null, "4B\n")).extracting(FieldError::field)
                .containsExactly("name", "unit");
        assertThat(ResidentRules.check("{\"$ne\": \"\"}", null, null, "$where")).isEmpty();
    }
}
