package com.propty.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A property manager's view of the platform: HTTP calls to the gateway with a bearer token. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String contentType, JsonNode body, String raw) {
        public String code() {
            return body == null || !body.has("code") ? null : body.get("code").asString();
        }
    }

    private final String gateway;
    private final String token;

    private Api(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    public static Api signIn(String gateway, String user, String... properties) {
        return signInAs(gateway, "PROPERTY_MANAGER", user, properties);
    }

    public static Api signInAs(String gateway, String role, String user, String... properties) {
        Api anonymous = new Api(gateway, null);
        Reply reply = anonymous.send("POST", "/dev/token", Map.of("sub", user, "name", "User " + user,
                "roles", new String[] {role}, "properties", properties), Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException("cannot get a token: " + reply.raw());
        }
        return new Api(gateway, reply.body().get("token").asString());
    }

    public static Api withToken(String gateway, String token) {
        return new Api(gateway, token);
    }

    /** The bearer token, e.g. to paste into the web page's sign-in. */
    public String token() {
        return token;
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Reply send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                                    : JSON.writeValueAsString(body)));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            headers.forEach(builder::header);
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isEmpty()
                    ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), contentType, json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode ok(Reply reply, int expected) {
        if (reply.status() != expected) {
            throw new AssertionError("expected " + expected + " but got " + reply.status() + ": " + reply.raw());
        }
        return reply.body();
    }
}
