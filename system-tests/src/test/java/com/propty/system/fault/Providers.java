package com.propty.system.fault;

import com.propty.system.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The provider simulator's admin API: what it accepted, and the faults it plays (outage, latency). */
final class Providers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    Providers(String url) {
        this.url = url;
    }

    /** Messages accepted so far, per address (each resident of the suite has addresses of its own). */
    Map<String, Integer> accepted() {
        JsonNode accepted = call("GET", "/admin/messages?limit=0", null).get("accepted");
        Map<String, Integer> counts = new HashMap<>();
        accepted.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    void outage(String provider, int seconds) {
        call("POST", "/admin/outage", "{\"provider\":\"" + provider + "\",\"status\":503,\"seconds\":" + seconds + "}");
    }

    void latency(String provider, long millis) {
        call("POST", "/admin/latency", "{\"provider\":\"" + provider + "\",\"millis\":" + millis + "}");
    }

    private JsonNode call(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
