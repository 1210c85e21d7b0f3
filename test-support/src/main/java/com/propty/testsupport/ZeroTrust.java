package com.propty.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The check every service's tests make: called directly, a service lets in a valid internal token and nothing else. */
public final class ZeroTrust {

    private ZeroTrust() {
    }

    /**
     * GET {@code uri} with {@code validToken} gets past the door and answers {@code statusWithToken}; with the gateway's identity headers forged and no token, with
     * a token signed by another key, and with an expired one, it answers 401 problem+json {@code UNAUTHENTICATED}.
     */
    public static void assertOnlyAValidTokenGetsIn(URI uri, String validToken, int statusWithToken) {
        HttpResponse<String> let = get(uri, "Authorization", InternalTokens.bearer(validToken));
        assertEquals(statusWithToken, let.statusCode(), "with a valid token: " + let.body());

        Problems.assertProblem(get(uri, "X-User-Id", "admin", "X-User-Name", "Admin",
                "X-User-Roles", "PROPERTY_ADMIN,SERVICE", "X-User-Properties", "every-property"), 401, "UNAUTHENTICATED");
        Problems.assertProblem(get(uri, "Authorization", InternalTokens.bearer(InternalTokens.signedWithAnotherKey("u1",
                "every-property"))), 401, "UNAUTHENTICATED");
        Problems.assertProblem(get(uri, "Authorization", InternalTokens.bearer(InternalTokens.expired("u1",
                "every-property"))), 401, "UNAUTHENTICATED");
    }

    private static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return DirectCalls.send(request.build());
    }
}
