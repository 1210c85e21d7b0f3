package com.propty.benchmark;

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

/** A property manager talking to the gateway (bearer token), or a plain client for the simulator's admin API. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, JsonNode body, String raw, long nanos) {
    }

    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private volatile String token;

    Gateway(String base) {
        this.base = base;
    }

    void signIn(String user, String property) {
        Reply reply = send("POST", "/dev/token", Map.of("sub", user, "name", "Benchmark " + user,
                "roles", new String[] {"PROPERTY_MANAGER"}, "properties", new String[] {property},
                "ttlSeconds", 86_400), Map.of());
        token = expect(reply, 200).get("token").asString();
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    Reply send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            headers.forEach(builder::header);
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), json, response.body(), nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.raw());
        }
        return reply.body();
    }
}
