package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.propty.internaltoken.InternalTokenVerifier;
import com.propty.testsupport.InternalTokens;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter every service runs, on plain servlet mocks: what passes, what is 401 or 403, and the caller it sets. */
class InternalTokenFilterTest {

    final InternalTokenFilter filter = new InternalTokenFilter(new InternalTokenVerifier(InternalTokens.LOCAL_SECRET,
            null));

    @Test
    void a_valid_token_passes_and_becomes_the_caller() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/notices/n1");
        request.addHeader("Authorization", InternalTokens.bearer(InternalTokens.manager("u1", "p1")));

        MockFilterChain chain = run(request, new MockHttpServletResponse());

        assertThat(chain.getRequest()).isNotNull();
        assertThat(request.getAttribute(Caller.ATTRIBUTE)).isEqualTo(new Caller("u1", "Manager u1",
                Set.of("PROPERTY_MANAGER"), Set.of("p1")));
    }

    @Test
    void forged_identity_headers_without_a_token_are_401_and_go_no_further() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/notices/n1");
        request.addHeader("X-User-Id", "admin");
        request.addHeader("X-User-Roles", "PROPERTY_ADMIN");
        request.addHeader("X-User-Properties", "p1");

        assertUnauthenticated(request, "Bearer");
    }

    @Test
    void a_token_signed_with_another_key_expired_unsigned_for_another_audience_or_garbage_is_401() throws Exception {
        String good = InternalTokens.manager("u1", "p1");
        JWTClaimsSet claims = SignedJWT.parse(good).getJWTClaimsSet();
        SignedJWT otherAudience = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder(claims).audience("another-platform").build());
        otherAudience.sign(new MACSigner(InternalTokens.LOCAL_SECRET.getBytes(StandardCharsets.UTF_8)));

        for (String bad : new String[] {InternalTokens.signedWithAnotherKey("u1", "p1"),
                InternalTokens.expired("u1", "p1"), new PlainJWT(claims).serialize(), otherAudience.serialize(),
                "not-a-jwt"}) {
            MockHttpServletRequest request = request("POST", "/api/properties/p1/notices");
            request.addHeader("Authorization", InternalTokens.bearer(bad));
            assertUnauthenticated(request, "Bearer error=\"invalid_token\"");
        }
        MockHttpServletRequest basic = request("GET", "/api/notices/n1");
        basic.addHeader("Authorization", "Basic dTE6cGFzcw==");
        assertUnauthenticated(basic, "Bearer");
    }

    @Test
    void the_internal_api_needs_a_service_token_a_user_token_is_403() throws Exception {
        MockHttpServletRequest asUser = request("GET", "/internal/notices/n1/delivery-states");
        asUser.addHeader("Authorization", InternalTokens.bearer(InternalTokens.manager("u1", "p1")));
        MockHttpServletResponse forbidden = new MockHttpServletResponse();
        assertThat(run(asUser, forbidden).getRequest()).isNull();
        assertProblem(forbidden, 403, "FORBIDDEN");

        assertUnauthenticated(request("GET", "/internal/notices/n1/delivery-states"), "Bearer");

        MockHttpServletRequest asService = request("GET", "/internal/notices/n1/delivery-states");
        asService.addHeader("Authorization", InternalTokens.bearer(InternalTokens.forService("resend-service")));
        assertThat(run(asService, new MockHttpServletResponse()).getRequest()).isNotNull();
        assertThat(((Caller) asService.getAttribute(Caller.ATTRIBUTE)).id()).isEqualTo("service:resend-service");
    }

    @Test
    void webhooks_and_the_actuator_need_no_token_whatever_their_authorization_header() throws Exception {
        MockHttpServletRequest webhook = request("POST", "/webhooks/sendgrid/events");
        webhook.addHeader("Authorization", "Bearer the-providers-own");
        assertThat(run(webhook, new MockHttpServletResponse()).getRequest()).isNotNull();
        assertThat(webhook.getAttribute(Caller.ATTRIBUTE)).isNull();

        assertThat(run(request("GET", "/actuator/health"), new MockHttpServletResponse()).getRequest()).isNotNull();
    }

    @Test
    void a_raw_path_that_only_looks_like_a_webhook_is_not_open() throws Exception {
        MockHttpServletRequest sneaky = new MockHttpServletRequest("GET", "/webhooks/../api/notices/n1");
        sneaky.setServletPath("/api/notices/n1");

        assertUnauthenticated(sneaky, "Bearer");
    }

    private void assertUnauthenticated(MockHttpServletRequest request, String challenge) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(run(request, response).getRequest()).as("passed on to the service").isNull();
        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(request.getAttribute(Caller.ATTRIBUTE)).isNull();
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"" + code + "\"")
                .contains("\"status\":" + status);
    }

    private MockFilterChain run(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain;
    }

    /** As the DispatcherServlet (mapped to "/") sees it: the servlet path is the whole path. */
    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
