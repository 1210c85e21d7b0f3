package com.propty.system.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A property manager's calls through the gateway, with a dev token; any unexpected status fails the scenario. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String token;

    private Gateway(String url, String token) {
        this.url = url;
        this.token = token;
    }

    static Gateway signIn(String url, String user, String property) {
        JsonNode reply = new Gateway(url, null).call("POST", "/dev/token", Map.of("sub", user, "name", "User " + user,
                "roles", List.of("PROPERTY_MANAGER"), "properties", List.of(property)), 200);
        return new Gateway(url, reply.get("token").asString());
    }

    JsonNode get(String path) {
        return call("GET", path, null, 200);
    }

    JsonNode post(String path, Object body, int expected) {
        return call("POST", path, body, expected);
    }

    JsonNode patch(String path, Object body) {
        return call("PATCH", path, body, 200);
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
