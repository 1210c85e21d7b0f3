package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRuleTest {

    @ParameterizedTest(name = "{0} (normalised {1}) -> {2}")
    @CsvSource({
            "/webhooks/sendgrid/events,           /webhooks/sendgrid/events,         OPEN",
            "/webhooks/twilio/status,             /webhooks/twilio/status,           OPEN",
            "/actuator/health,                    /actuator/health,                  OPEN",
            "/actuator,                           /actuator,                         OPEN",
            "/api/notices/n1,                     /api/notices/n1,                   CALLER",
            "/api/properties/p1/notices,          /api/properties/p1/notices,        CALLER",
            "/,                                   /,                                 CALLER",
            "/anything-else,                      /anything-else,                    CALLER",
            "/actuatorx,                          /actuatorx,                        CALLER",
            "/webhooks,                           /webhooks,                         CALLER",
            "/internal/notices/n1/delivery-states, /internal/notices/n1/delivery-states, SERVICE",
            "/internal,                           /internal,                         SERVICE",
            // a raw path that looks open but is normalised elsewhere is not open
            "/webhooks/../api/notices/n1,         /api/notices/n1,                   CALLER",
            "/webhooks/../internal/notices/n1,    /internal/notices/n1,              SERVICE",
            "/actuator/..;/api/notices,           /api/notices,                      CALLER",
            "/internal/../api/x,                  /api/x,                            SERVICE"})
    void each_path_needs_what_its_raw_and_normalised_forms_say(String raw, String normalised, AccessRule expected) {
        assertThat(AccessRule.of(raw, normalised)).isEqualTo(expected);
    }
}
