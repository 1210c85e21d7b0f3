package com.propty.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Steps the system tests share: a property with a known mix of residents, a sent notice, waiting for outcomes. */
public final class Journey {

    public final String property = "p-" + UUID.randomUUID().toString().substring(0, 8);
    public final Api api = RunningPlatform.api("manager-" + property, property);
    public final Map<String, String> residents = new LinkedHashMap<>();

    /** Alice: all good. Bob: invalid email. Carol: bouncing email, invalid phone. Dan: no phone. Eve: SMS undelivered. */
    public Journey withTheUsualMix() {
        resident("Alice", email("alice", "example.com"), "+15145550001");
        resident("Bob", email("bob", "invalid.example"), "+15145550002");
        resident("Carol", email("carol", "bounce.example"), "+15550100003");
        resident("Dan", email("dan", "example.com"), null);
        resident("Eve", email("eve", "example.com"), "+15550200005");
        return this;
    }

    /** Addresses unique to this journey, so the simulator's per-address counts belong to one test. */
    public String email(String local, String domain) {
        return local + "." + property + "@" + domain;
    }

    public String resident(String name, String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        if (phone != null) {
            body.put("phone", phone);
        }
        body.put("unit", "1" + residents.size());
        JsonNode created = api.ok(api.post("/api/properties/" + property + "/residents", body), 201);
        residents.put(name, created.get("id").asString());
        return created.get("id").asString();
    }

    public String draft(List<String> recipientNames) {
        return draft(recipientNames, List.of("EMAIL", "SMS"));
    }

    public String draft(List<String> recipientNames, List<String> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Water shut-off");
        body.put("body", "The water is off on Monday from 9 to 12.");
        body.put("channels", channels);
        if (recipientNames != null) {
            body.put("recipientIds", recipientNames.stream().map(residents::get).toList());
        }
        return api.ok(api.post("/api/properties/" + property + "/notices", body), 201).get("id").asString();
    }

    public String sendToAll() {
        String notice = draft(null);
        api.ok(api.post("/api/notices/" + notice + "/send", null), 202);
        return notice;
    }

    public JsonNode notice(String id) {
        return api.ok(api.get("/api/notices/" + id), 200);
    }

    /** The id of a resident created by this journey. */
    public String id(String name) {
        return residents.get(name);
    }

    /** The option of one scope in a resend-options answer. */
    public static JsonNode option(JsonNode options, String scope) {
        for (JsonNode option : options.get("options")) {
            if (option.get("scope").asString().equals(scope)) {
                return option;
            }
        }
        throw new AssertionError("no option " + scope + " in " + options);
    }

    /**
     * Waits until the notice has left SENDING (its stats are all zero until the audience is stored) and every channel
     * has its final answer (no PENDING, no SENT).
     */
    public JsonNode settled(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode notice = notice(id);
            JsonNode stats = notice.get("stats");
            return !notice.get("status").asString().equals("SENDING")
                    && isSettled(stats.get("email")) && isSettled(stats.get("sms"));
        });
        return notice(id);
    }

    /**
     * Resends the failures (FAILED_ONLY) and waits until every target of that resend has its final answer (nothing
     * pending or only sent in its history row); answers the resend's id.
     */
    public String resendFailuresSettled(String notice) {
        String resendId = api.ok(api.post("/api/notices/" + notice + "/resends", Map.of("scope", "FAILED_ONLY")), 202)
                .get("resendId").asString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode row : api.ok(api.get("/api/notices/" + notice + "/resends"), 200)) {
                if (row.get("resendId").asString().equals(resendId)) {
                    JsonNode outcome = row.get("outcome");
                    int targets = row.get("emails").asInt() + row.get("sms").asInt();
                    return isSettled(outcome) && outcome.get("delivered").asInt() + outcome.get("failed").asInt()
                            + outcome.get("skipped").asInt() == targets;
                }
            }
            return false;
        });
        return resendId;
    }

    private static boolean isSettled(JsonNode channel) {
        return channel.get("pending").asInt() == 0 && channel.get("sent").asInt() == 0;
    }

    /** recipient name → channel → channel JSON */
    public Map<String, JsonNode> recipients(String notice) {
        JsonNode page = api.ok(api.get("/api/notices/" + notice + "/recipients?size=200"), 200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        page.get("items").forEach(item -> byName.put(item.get("name").asString(), item.get("channels")));
        return byName;
    }

    public String status(Map<String, JsonNode> recipients, String name, String channel) {
        JsonNode c = recipients.get(name).get(channel);
        return c == null || c.isNull() ? null : c.get("status").asString();
    }

    public String errorCode(Map<String, JsonNode> recipients, String name, String channel) {
        JsonNode error = recipients.get(name).get(channel).get("lastError");
        return error == null || error.isNull() ? null : error.get("code").asString();
    }
}
