package com.propty.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run.sh --demo}: seeds property {@code demo-property} with 40 residents — some with addresses the simulator
 * fails — and sends them a notice, so a newcomer sees the resend situation at once. Does nothing if the property
 * already has a notice (the data survives restarts).
 */
final class DemoSeed {

    static final String PROPERTY = "demo-property";
    private static final String[] FIRST = {"Alice", "Benoît", "Chloé", "David", "Émilie", "François", "Gabrielle",
        "Hugo", "Inès", "Julien", "Karine", "Louis", "Manon", "Nicolas", "Océane", "Pierre", "Quentin", "Rose",
        "Sophie", "Thomas"};
    private static final String[] LAST = {"Tremblay", "Gagnon"};

    private final String gateway;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoSeed(String gateway, Consumer<String> out) {
        this.gateway = gateway;
        this.out = out;
    }

    void run() throws IOException, InterruptedException {
        String token = field(post("/dev/token", null, """
                {"sub":"demo-manager","name":"Demo Manager","roles":["PROPERTY_MANAGER"],
                 "properties":["demo-property"],"ttlSeconds":86400}"""), "token");
        String existing = get("/api/properties/" + PROPERTY + "/notices?size=1", token);
        if (!existing.contains("\"totalItems\":0")) {
            out.accept("demo: property demo-property already has notices; not seeding again");
            printToken(token);
            return;
        }
        // explicitly: the demo's SMS go at once whatever the hour (quiet hours off; README "Never at night")
        String admin = field(post("/dev/token", null, """
                {"sub":"demo-admin","name":"Demo Admin","roles":["PROPERTY_ADMIN"],
                 "properties":["demo-property"],"ttlSeconds":600}"""), "token");
        send("PATCH", "/api/properties/" + PROPERTY + "/settings", admin, "{\"quietHours\":{\"enabled\":false}}");
        for (int i = 0; i < 40; i++) {
            String name = FIRST[i % FIRST.length] + " " + LAST[i / FIRST.length];
            String slug = name.toLowerCase().replace(' ', '.').replaceAll("[^a-z.]", "");
            String email = i < 3 ? slug + "@invalid.example" : i < 6 ? slug + "@bounce.example" : slug + "@example.com";
            String phone = i >= 36 ? null
                    : i < 2 || i >= 30 && i < 33 ? "+1555010" + String.format("%04d", i)
                    : i == 3 || i >= 27 && i < 30 ? "+1555020" + String.format("%04d", i)
                    : "+1514555" + String.format("%04d", i);
            post("/api/properties/" + PROPERTY + "/residents", token, "{\"name\":\"" + name + "\",\"email\":\"" + email
                    + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"unit\":\"" + (101 + i) + "\"}");
        }
        String notice = post("/api/properties/" + PROPERTY + "/notices", token, """
                {"title":"Water shut-off on Monday","body":"Dear residents, the water will be shut off on Monday \
                from 9:00 to 12:00 for maintenance of the main valve. Thank you for your understanding.",
                 "smsText":"Water shut-off Monday 9:00-12:00 (maintenance).","channels":["EMAIL","SMS"]}""");
        String noticeId = field(notice, "id");
        post("/api/notices/" + noticeId + "/send", token, null);
        out.accept("demo: 40 residents in demo-property (3 invalid emails, 3 bouncing, 5 invalid phones, 4 undelivered"
                + " SMS, 4 without phone; 3 receive nothing); notice " + noticeId + " sent");
        out.accept("demo: watch it: curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/notices/" + noticeId);
        printToken(token);
    }

    private void printToken(String token) {
        out.accept("demo: TOKEN=" + token);
        out.accept("demo: open " + gateway + "/ and paste the token, or use it with curl");
    }

    private String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return check(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
    }

    private String post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json);
    }

    private String send(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return check(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()), path);
    }

    private static String check(HttpResponse<String> response, String path) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo seeding failed: " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
