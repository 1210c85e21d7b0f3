package com.propty.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end, through the gateway, as a property manager drives it: residents → notice → send →
 * exact statistics and per-recipient statuses for a mix of good, invalid and bouncing addresses and a resident
 * without a phone, with real Kafka, the MongoDB-wire server, the real SDKs and the provider simulator.
 */
class NoticeSendingTest {

    @Test
    void aSentNoticeEndsWithExactStatisticsAndStatuses() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();

        JsonNode settled = journey.settled(notice);
        JsonNode stats = settled.get("stats");
        assertThat(settled.get("status").asString()).isEqualTo("PARTIALLY_FAILED");
        assertThat(settled.get("resendable").asBoolean()).isTrue();
        assertThat(settled.get("sentAt").isNull()).isFalse();
        assertThat(stats.get("recipients").asInt()).isEqualTo(5);
        assertThat(stats.get("received").asInt()).as("Alice, Bob (SMS), Dan, Eve (email)").isEqualTo(4);
        assertThat(stats.get("failedRecipients").asInt()).as("Bob, Carol, Eve").isEqualTo(3);
        assertChannel(stats.get("email"), 5, 0, 0, 3, 2, 0);
        assertChannel(stats.get("sms"), 5, 0, 0, 2, 2, 1);

        Map<String, JsonNode> rows = journey.recipients(notice);
        assertThat(journey.status(rows, "Alice", "EMAIL")).isEqualTo("DELIVERED");
        assertThat(journey.status(rows, "Alice", "SMS")).isEqualTo("DELIVERED");
        assertThat(journey.status(rows, "Bob", "EMAIL")).isEqualTo("FAILED");
        assertThat(journey.errorCode(rows, "Bob", "EMAIL")).isEqualTo("INVALID_ADDRESS");
        assertThat(journey.status(rows, "Bob", "SMS")).isEqualTo("DELIVERED");
        assertThat(journey.errorCode(rows, "Carol", "EMAIL")).isEqualTo("BOUNCED");
        assertThat(journey.errorCode(rows, "Carol", "SMS")).isEqualTo("INVALID_ADDRESS");
        assertThat(journey.status(rows, "Dan", "SMS")).isEqualTo("SKIPPED");
        assertThat(journey.errorCode(rows, "Dan", "SMS")).isEqualTo("NO_ADDRESS");
        assertThat(journey.status(rows, "Eve", "EMAIL")).isEqualTo("DELIVERED");
        assertThat(journey.errorCode(rows, "Eve", "SMS")).isEqualTo("UNREACHABLE");
        assertThat(rows.get("Bob").get("EMAIL").get("attempt").asInt()).isEqualTo(1);
        assertThat(rows.get("Bob").get("EMAIL").get("address").asString()).isEqualTo(journey.email("bob", "invalid.example"));

        JsonNode failed = journey.api.ok(journey.api.get("/api/notices/" + notice + "/recipients?status=FAILED"), 200);
        assertThat(failed.get("totalItems").asInt()).isEqualTo(3);
        JsonNode failedSms = journey.api.ok(
                journey.api.get("/api/notices/" + notice + "/recipients?status=FAILED&channel=SMS"), 200);
        assertThat(failedSms.get("totalItems").asInt()).as("Carol, Eve").isEqualTo(2);
    }

    @Test
    void theFrontDoorAuthenticatesAndHidesOtherProperties() {
        Journey mine = new Journey().withTheUsualMix();
        String notice = mine.draft(null);
        Api stranger = RunningPlatform.api("someone-else", "another-property");
        String gateway = RunningPlatform.get().settings().gatewayUrl();

        assertThat(Api.withToken(gateway, null).get("/api/notices/" + notice).status()).isEqualTo(401);
        assertThat(Api.withToken(gateway, "not.a.jwt").get("/api/notices/" + notice).status()).isEqualTo(401);
        String forged = mine.api.token().substring(0, mine.api.token().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(Api.withToken(gateway, forged).get("/api/notices/" + notice).status()).as("bad signature")
                .isEqualTo(401);
        Api resident = Api.signInAs(gateway, "RESIDENT", "resident-1", mine.property);
        Api.Reply forbidden = resident.get("/api/notices/" + notice);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        Api.Reply hidden = stranger.get("/api/notices/" + notice);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).contains("application/problem+json");
        assertThat(stranger.get("/api/residents/" + mine.residents.get("Alice")).status()).isEqualTo(404);
        assertThat(mine.api.get("/api/notices/" + notice).status()).isEqualTo(200);
    }

    private static void assertChannel(JsonNode channel, int total, int pending, int sent, int delivered, int failed,
            int skipped) {
        assertThat(channel.get("total").asInt()).as("total").isEqualTo(total);
        assertThat(channel.get("pending").asInt()).as("pending").isEqualTo(pending);
        assertThat(channel.get("sent").asInt()).as("sent").isEqualTo(sent);
        assertThat(channel.get("delivered").asInt()).as("delivered").isEqualTo(delivered);
        assertThat(channel.get("failed").asInt()).as("failed").isEqualTo(failed);
        assertThat(channel.get("skipped").asInt()).as("skipped").isEqualTo(skipped);
    }
}
