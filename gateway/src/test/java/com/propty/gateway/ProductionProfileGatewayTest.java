package com.propty.gateway;

import static com.propty.gateway.Gateway.bearer;
import static com.propty.gateway.LocalProfileGatewayTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.UserTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway without the local profile: RS256 tokens from an identity provider's JWK set, no dev token
 * endpoint, no local secret. history-service is down in this setup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "propty.internal-token.secret=" + InternalTokens.LOCAL_SECRET)
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileGatewayTest {

    static final IdentityProvider IDENTITY_PROVIDER = new IdentityProvider();
    static final StubService NOTICE = new StubService("notice-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("propty.jwt.jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        registry.add("propty.gateway.services.notice-service", NOTICE::url);
        registry.add("propty.gateway.services.history-service", StubService::deadUrl);
    }

    @AfterAll
    static void stop() {
        NOTICE.close();
        IDENTITY_PROVIDER.close();
    }

    @LocalServerPort
    int port;

    Gateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new Gateway(port);
        NOTICE.forget();
    }

    private String rs256Manager() {
        return UserTokens.rs256(IDENTITY_PROVIDER.key(),
                Tokens.claims("u1", "PROPERTY_MANAGER", Duration.ofMinutes(5)).build());
    }

    @Test
    void a_token_signed_by_the_identity_provider_is_accepted() {
        HttpResponse<String> response = gateway.get("/api/notices/n1", "Authorization", bearer(rs256Manager()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(NOTICE.received()).singleElement().satisfies(received -> {
            assertThat(LocalProfileGatewayTest.forwardedIdentity(received).subject()).isEqualTo("u1");
            assertThat(received.header("X-User-Id")).isNull();
        });
    }

    @Test
    void a_token_signed_with_the_local_secret_is_refused() {
        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager())), 401,
                "UNAUTHENTICATED");
        assertThat(NOTICE.received()).isEmpty();
    }

    @Test
    void there_is_no_dev_token_endpoint() {
        assertProblem(gateway.post("/dev/token", "{\"sub\":\"u1\",\"roles\":[\"PROPERTY_ADMIN\"]}"), 404,
                "NOT_FOUND");
    }

    @Test
    void a_service_that_is_down_is_503_problem_not_500_and_the_warning_names_the_callers_trace(
            CapturedOutput output) {
        String trace = "5af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> response = gateway.get("/api/notices/n1/resends", "Authorization",
                bearer(rs256Manager()), "traceparent", "00-" + trace + "-b7ad6b7169203331-01");

        assertProblem(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("Connection refused");
        assertThat(output.getOut().lines().filter(line -> line.contains("Downstream service unreachable")))
                .singleElement().asString().contains("[" + trace + "-");
    }
}
