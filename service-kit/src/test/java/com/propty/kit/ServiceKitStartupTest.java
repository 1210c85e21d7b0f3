package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Outside the local profile there is no default secret: a service without one must not start. */
class ServiceKitStartupTest {

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceKitAutoConfiguration.class))
            .withPropertyValues("spring.application.name=test-service");

    @Test
    void without_an_internal_token_secret_start_up_fails_naming_the_variable() {
        service.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("INTERNAL_TOKEN_SECRET"));
        service.withPropertyValues("propty.internal-token.secret=too-short").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void with_one_it_mints_service_tokens_the_services_accept() {
        service.withPropertyValues("propty.internal-token.secret=" + InternalTokens.LOCAL_SECRET).run(context -> {
            assertThat(context).hasNotFailed();
            String token = context.getBean(ServiceTokens.class).token();
            assertThat(InternalTokens.verify(token).subject()).isEqualTo("service:test-service");
            assertThat(InternalTokens.verify(token).roles()).containsExactly("SERVICE");
        });
    }
}
