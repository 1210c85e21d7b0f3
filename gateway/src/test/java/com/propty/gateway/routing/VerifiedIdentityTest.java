package com.propty.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedIdentityTest {

    @Test
    void claims_become_the_four_identity_headers() {
        VerifiedIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1", "name", "Ann",
                "roles", List.of("PROPERTY_MANAGER", "PROPERTY_ADMIN"), "properties", List.of("p1", "p2")));

        assertThat(identity.headers()).containsExactly(
                Map.entry("X-User-Id", "u1"),
                Map.entry("X-User-Name", "Ann"),
                Map.entry("X-User-Roles", "PROPERTY_MANAGER,PROPERTY_ADMIN"),
                Map.entry("X-User-Properties", "p1,p2"));
    }

    @Test
    void without_a_name_the_subject_names_the_user_and_missing_lists_are_empty() {
        VerifiedIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1", "name", "  "));

        assertThat(identity.headers()).containsEntry("X-User-Name", "u1").containsEntry("X-User-Roles", "")
                .containsEntry("X-User-Properties", "");
    }

    @Test
    void a_space_or_comma_separated_string_claim_is_read_as_a_list() {
        VerifiedIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1",
                "roles", "PROPERTY_MANAGER PROPERTY_ADMIN", "properties", "p1,p2"));

        assertThat(identity.roles()).containsExactly("PROPERTY_MANAGER", "PROPERTY_ADMIN");
        assertThat(identity.properties()).containsExactly("p1", "p2");
    }

    @Test
    void a_value_containing_a_comma_is_dropped_rather_than_split_into_two_properties() {
        VerifiedIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1",
                "properties", List.of("p1", "p2,p3")));

        assertThat(identity.properties()).containsExactly("p1");
    }

    @Test
    void header_values_cannot_smuggle_line_breaks_and_keep_latin1_accents() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "u1");
        claims.put("name", "Zoé\r\nX-User-Roles: PROPERTY_ADMIN 李");

        assertThat(VerifiedIdentity.fromClaims(claims).headers().get("X-User-Name"))
                .isEqualTo("Zoé  X-User-Roles: PROPERTY_ADMIN ?");
    }

    @Test
    void identity_headers_are_recognised_whatever_their_case() {
        assertThat(VerifiedIdentity.isIdentityHeader("x-user-id")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-USER-PROPERTIES")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-Username")).isFalse();
        assertThat(VerifiedIdentity.isIdentityHeader("Authorization")).isFalse();
    }
}
