package com.propty.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** The provider simulator's admin API: what the providers were asked to send. */
final class Simulator {

    private Simulator() {
    }

    /** How many times the providers accepted a message to this address. */
    static int accepted(String address) {
        JsonNode count = messages().get("accepted").get(address);
        return count == null ? 0 : count.asInt();
    }

    static JsonNode messages() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(RunningPlatform.get().settings().simulatorUrl() + "/admin/messages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
