package com.propty.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.UserTokens;
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
            try (ConfigurableApplicationContext started = gateway.run("--server.port=0", "--propty.jwt.jwk-set-uri=",
                    "--propty.internal-token.secret=" + InternalTokens.LOCAL_SECRET)) {
                assertThat(started).as("the gateway started without token keys").isNull();
            }
        }).rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining("PROPTY_JWK_SET_URI");
    }

    @Test
    void without_the_local_profile_and_without_an_internal_token_secret_start_up_fails_with_a_clear_message() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = gateway.run("--server.port=0",
                    "--propty.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json")) {
                assertThat(started).as("the gateway started without an internal token secret").isNull();
            }
        }).rootCause().hasMessageContaining("INTERNAL_TOKEN_SECRET");
    }

    @Test
    void the_local_profile_refuses_an_internal_token_secret_equal_to_the_jwt_secret() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("local")
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = gateway.run("--server.port=0",
                    "--propty.internal-token.secret=" + UserTokens.LOCAL_SECRET)) {
                assertThat(started).as("the gateway started with one secret for both tokens").isNull();
            }
        }).rootCause().isInstanceOf(IllegalStateException.class).hasMessageContaining("must differ");
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
