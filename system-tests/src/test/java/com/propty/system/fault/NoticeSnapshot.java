package com.propty.system.fault;

import com.propty.system.Api;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a manager sees of one notice: its statistics, every target's row in the recipients table and the resend
 * history. The checks every scenario shares live here: statistics against a recount of the table, the history's
 * outcome against the targets' states, and a comparison of two snapshots.
 */
record NoticeSnapshot(String noticeId, JsonNode stats, Map<String, TargetState> targets, JsonNode history) {

    /** One recipient's channel as the table shows it. */
    record TargetState(String recipientId, String channel, String status, int attempt, String address, String errorCode) {

        boolean isFinal() {
            return !status.equals("PENDING") && !status.equals("SENT");
        }

        boolean is(String status, String errorCode) {
            return this.status.equals(status) && java.util.Objects.equals(this.errorCode, errorCode);
        }
    }

    enum Status { PENDING, SENT, DELIVERED, FAILED, SKIPPED }

    static NoticeSnapshot of(Api api, String noticeId) {
        JsonNode notice = api.ok(api.get("/api/notices/" + noticeId), 200);
        Map<String, TargetState> targets = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode rows = api.ok(api.get("/api/notices/" + noticeId + "/recipients?size=200&page=" + page), 200);
            for (JsonNode row : rows.get("items")) {
                row.get("channels").properties().forEach(e -> {
                    JsonNode c = e.getValue();
                    if (c != null && !c.isNull()) {
                        JsonNode error = c.get("lastError");
                        String recipientId = row.get("recipientId").asString();
                        targets.put(recipientId + ":" + e.getKey(), new TargetState(recipientId, e.getKey(),
                                c.get("status").asString(), c.get("attempt").asInt(),
                                c.hasNonNull("address") ? c.get("address").asString() : null,
                                error == null || error.isNull() ? null : error.get("code").asString()));
                    }
                });
            }
            if (page + 1 >= rows.get("totalPages").asInt()) {
                break;
            }
        }
        JsonNode history = api.ok(api.get("/api/notices/" + noticeId + "/resends"), 200);
        return new NoticeSnapshot(noticeId, notice.get("stats"), targets, history);
    }

    boolean settled() {
        return settled(stats.get("email")) && settled(stats.get("sms"));
    }

    static boolean settled(JsonNode channelStats) {
        return channelStats.get("pending").asInt() == 0 && channelStats.get("sent").asInt() == 0;
    }

    long notFinal() {
        return targets.values().stream().filter(t -> !t.isFinal()).count();
    }

    /** Problems found, empty when the statistics equal a recount of the table and the latest resend's outcome equals its targets. */
    List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        for (String channel : List.of("EMAIL", "SMS")) {
            Map<Status, Integer> recount = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                recount.put(s, 0);
            }
            targets.values().stream().filter(t -> t.channel().equals(channel))
                    .forEach(t -> recount.merge(Status.valueOf(t.status()), 1, Integer::sum));
            JsonNode counted = stats.get(channel.toLowerCase());
            int total = recount.values().stream().mapToInt(Integer::intValue).sum();
            if (counted.get("total").asInt() != total) {
                problems.add(channel + " total " + counted.get("total") + " but the table has " + total);
            }
            for (Status s : Status.values()) {
                int shown = counted.get(s.name().toLowerCase()).asInt();
                if (shown != recount.get(s)) {
                    problems.add(channel + " " + s + ": stats say " + shown + ", the table has " + recount.get(s));
                }
            }
        }
        if (!history.isEmpty()) {
            // Every target of the latest resend is at the highest attempt (the suite resends all failures each time).
            int latestAttempt = targets.values().stream().mapToInt(TargetState::attempt).max().orElse(0);
            JsonNode outcome = history.get(0).get("outcome");
            for (Status s : Status.values()) {
                long recount = targets.values().stream()
                        .filter(t -> t.attempt() == latestAttempt && t.status().equals(s.name())).count();
                if (outcome.get(s.name().toLowerCase()).asLong() != recount) {
                    problems.add("history of the latest resend: " + s + " " + outcome.get(s.name().toLowerCase())
                            + " but " + recount + " targets at attempt " + latestAttempt);
                }
            }
        }
        return problems;
    }

    /** Targets whose state differs from {@code before}, plus a difference in statistics or history. */
    int differencesFrom(NoticeSnapshot before) {
        int differences = 0;
        for (var e : before.targets().entrySet()) {
            if (!e.getValue().equals(targets.get(e.getKey()))) {
                differences++;
            }
        }
        differences += targets.size() > before.targets().size() ? targets.size() - before.targets().size() : 0;
        if (!stats.equals(before.stats())) {
            differences++;
        }
        if (!outcomes(history).equals(outcomes(before.history()))) {
            differences++;
        }
        return differences;
    }

    private static List<JsonNode> outcomes(JsonNode history) {
        List<JsonNode> outcomes = new ArrayList<>();
        history.forEach(row -> outcomes.add(row.get("outcome")));
        return outcomes;
    }
}
