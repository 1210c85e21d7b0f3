package com.propty.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.ZeroTrust;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** notice-service called directly, not through the gateway: only a verified internal token gets in. */
class ZeroTrustTest extends ServiceTestSupport {

    @Test
    void the_api_lets_in_a_valid_internal_token_and_not_forged_headers_another_key_or_an_expired_token() {
        String property = newProperty();

        ZeroTrust.assertOnlyAValidTokenGetsIn(URI.create("http://localhost:" + port + "/api/properties/" + property
                + "/residents"), InternalTokens.manager("user-1", property), 200);
    }

    @Test
    void the_internal_api_needs_a_service_token() {
        String path = "/internal/notices/nope/delivery-states";

        assertThat(callAsService(path).status()).as("reached: no such notice").isEqualTo(404);
        Response asManager = callWithToken("GET", path, null, InternalTokens.manager("user-1", "p1"));
        assertThat(asManager.status()).isEqualTo(403);
        assertThat(asManager.body().get("code").stringValue()).isEqualTo("FORBIDDEN");
        Response anonymous = callWithToken("GET", path, null, null, "X-User-Id", "resend-service",
                "X-User-Roles", "SERVICE");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("code").stringValue()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void probes_need_no_token() {
        assertThat(callWithToken("GET", "/actuator/info", null, null).status()).isEqualTo(200);
        assertThat(callWithToken("GET", "/actuator/prometheus", null, null).status()).isEqualTo(200);
    }
}
