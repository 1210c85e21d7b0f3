package com.propty.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The check every service's tests make: called directly, a service lets in a valid internal token and nothing else. */
public final class ZeroTrust {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ZeroTrust() {
    }

    /**
     * GET {@code uri} with {@code validToken} gets past the door and answers {@code statusWithToken}; with the gateway's identity headers forged and no token, with
     * a token signed by another key, and with an expired one, it answers 401 problem+json {@code UNAUTHENTICATED}.
     */
    public static void assertOnlyAValidTokenGetsIn(URI uri, String validToken, int statusWithToken) {
        HttpResponse<String> let = get(uri, "Authorization", InternalTokens.bearer(validToken));
        assertEquals(statusWithToken, let.statusCode(), "with a valid token: " + let.body());

        assertUnauthenticated(get(uri, "X-User-Id", "admin", "X-User-Name", "Admin",
                "X-User-Roles", "PROPERTY_ADMIN,SERVICE", "X-User-Properties", "every-property"), "forged headers");
        assertUnauthenticated(get(uri, "Authorization", InternalTokens.bearer(InternalTokens.signedWithAnotherKey("u1",
                "every-property"))), "another key");
        assertUnauthenticated(get(uri, "Authorization", InternalTokens.bearer(InternalTokens.expired("u1",
                "every-property"))), "expired");
    }

    private static void assertUnauthenticated(HttpResponse<String> response, String what) {
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": problem+json");
        assertTrue(response.body().contains("\"code\":\"UNAUTHENTICATED\""), what + ": " + response.body());
    }

    private static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
