package com.propty.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.internaltoken.InternalIdentity;
import com.propty.testsupport.InternalTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedIdentityTest {

    @Test
    void claims_become_the_identity_the_internal_token_carries() {
        InternalIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1", "name", "Zoé Łukasz 李",
                "roles", List.of("PROPERTY_MANAGER", "PROPERTY_ADMIN"), "properties", List.of("p1", "p2")));

        assertThat(identity).isEqualTo(new InternalIdentity("u1", "Zoé Łukasz 李",
                List.of("PROPERTY_MANAGER", "PROPERTY_ADMIN"), List.of("p1", "p2")));
    }

    @Test
    void without_a_name_the_subject_names_the_user_and_missing_lists_are_empty() {
        InternalIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1", "name", "  "));

        assertThat(identity.name()).isEqualTo("u1");
        assertThat(identity.roles()).isEmpty();
        assertThat(identity.properties()).isEmpty();
    }

    @Test
    void a_space_or_comma_separated_string_claim_is_read_as_a_list() {
        InternalIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1",
                "roles", "PROPERTY_MANAGER PROPERTY_ADMIN", "properties", "p1,p2"));

        assertThat(identity.roles()).containsExactly("PROPERTY_MANAGER", "PROPERTY_ADMIN");
        assertThat(identity.properties()).containsExactly("p1", "p2");
    }

    @Test
    void a_user_never_gets_role_service_whatever_the_token_claims() {
        InternalIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1",
                "roles", List.of("SERVICE", "PROPERTY_ADMIN")));

        assertThat(identity.roles()).containsExactly("PROPERTY_ADMIN");
    }

    @Test
    void the_identity_survives_the_round_trip_through_an_internal_token() {
        InternalIdentity identity = VerifiedIdentity.fromClaims(Map.of("sub", "u1", "name", "Ann\r\nX-User-Roles: x",
                "roles", List.of("PROPERTY_MANAGER"), "properties", List.of("p1", "p2,p3")));

        String token = InternalTokens.forCaller(identity.subject(), identity.name(), identity.roles(),
                identity.properties());
        assertThat(InternalTokens.verify(token)).isEqualTo(identity);
    }

    @Test
    void identity_headers_are_recognised_whatever_their_case() {
        assertThat(VerifiedIdentity.isIdentityHeader("x-user-id")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-USER-PROPERTIES")).isTrue();
        assertThat(VerifiedIdentity.isIdentityHeader("X-Username")).isFalse();
        assertThat(VerifiedIdentity.isIdentityHeader("Authorization")).isFalse();
    }
}
