package com.propty.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
    void the_name_travels_percent_encoded_so_no_script_is_lost_and_no_line_break_is_smuggled() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "u1\r\nX-User-Roles: PROPERTY_ADMIN");
        claims.put("name", "Zoé Łukasz 李\r\nX-User-Roles: PROPERTY_ADMIN");

        Map<String, String> headers = VerifiedIdentity.fromClaims(claims).headers();
        assertThat(headers.get("X-User-Name")).isEqualTo(
                "Zo%C3%A9%20%C5%81ukasz%20%E6%9D%8E%20%20X-User-Roles%3A%20PROPERTY_ADMIN");
        assertThat(URLDecoder.decode(headers.get("X-User-Name"), StandardCharsets.UTF_8))
                .isEqualTo("Zoé Łukasz 李  X-User-Roles: PROPERTY_ADMIN");
        assertThat(headers.get("X-User-Id")).as("ids stay plain, without line breaks")
                .isEqualTo("u1  X-User-Roles: PROPERTY_ADMIN");
    }

    @Test
    void identity_headers_are_recognised_whatever_their_case() {
        assertThat(VerifiedIdentity.isIdentityHeader("x-user-id")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-USER-PROPERTIES")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-Username")).isFalse();
        assertThat(VerifiedIdentity.isIdentityHeader("Authorization")).isFalse();
    }
}
