package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.internaltoken.InternalIdentity;
import com.propty.testsupport.InternalTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void the_caller_is_the_identity_the_token_carries_a_name_in_any_script_included() {
        Caller caller = Caller.of(InternalTokens.verify(InternalTokens.forCaller("u1", "Zoé Łukasz 王芳",
                List.of("PROPERTY_MANAGER"), List.of("p1", "p2"))));

        assertThat(caller).isEqualTo(new Caller("u1", "Zoé Łukasz 王芳", java.util.Set.of("PROPERTY_MANAGER"),
                java.util.Set.of("p1", "p2")));
        assertThat(caller.mayActOn("p2")).isTrue();
        assertThat(caller.mayActOn("p3")).isFalse();
        assertThat(caller.mayActOn(null)).isFalse();
    }

    @Test
    void without_a_name_the_subject_names_the_caller() {
        assertThat(Caller.of(new InternalIdentity("u1", " ", List.of(), null)).name()).isEqualTo("u1");
    }
}
