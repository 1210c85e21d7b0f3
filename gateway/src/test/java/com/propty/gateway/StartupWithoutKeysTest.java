package com.propty.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the local profile there is no fallback secret: without a JWK set URI the gateway must not start. */
class StartupWithoutKeysTest {

    @Test
    void without_the_local_profile_and_without_a_jwk_set_uri_start_up_fails_with_a_clear_message() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = gateway.run("--server.port=0", "--propty.jwt.jwk-set-uri=")) {
                assertThat(started).as("the gateway started without token keys").isNull();
            }
        }).rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining("PROPTY_JWK_SET_URI");
    }

    @Test
    void the_local_profile_refuses_a_secret_too_short_for_hs256() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("local")
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = gateway.run("--server.port=0", "--propty.jwt.secret=too-short")) {
                assertThat(started).as("the gateway started with a weak secret").isNull();
            }
        }).rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining("PROPTY_JWT_SECRET");
    }
}
