package com.propty.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The provider simulator's admin API: what the providers accepted, and the faults they play (outage, latency). */
public final class Simulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    public Simulator(String url) {
        this.url = url;
    }

    /** The simulator of the platform the system tests share. */
    static Simulator ofRunningPlatform() {
        return new Simulator(RunningPlatform.get().settings().simulatorUrl());
    }

    /** Messages accepted so far, per address. */
    public Map<String, Integer> accepted() {
        JsonNode accepted = call("GET", "/admin/messages?limit=0", null).get("accepted");
        Map<String, Integer> counts = new HashMap<>();
        accepted.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    /** How many times the providers accepted a message to this address. */
    public int accepted(String address) {
        return accepted().getOrDefault(address, 0);
    }

    public void outage(String provider, int seconds) {
        call("POST", "/admin/outage", "{\"provider\":\"" + provider + "\",\"status\":503,\"seconds\":" + seconds + "}");
    }

    public void latency(String provider, long millis) {
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
