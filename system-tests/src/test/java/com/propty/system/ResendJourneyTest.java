package com.propty.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.propty.system.logs.LogScan;
import com.propty.system.ops.PlatformMeters;
import com.propty.system.ops.QueriedMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The help page's "Renvoyer un avis" journey end to end through the gateway (CONTRACT §1): counts before the click
 * equal what is resent, the fixed address is used, history and statuses follow, and the error cases answer as
 * documented.
 */
class ResendJourneyTest {

    /** After the journeys (residents' emails and phones, tokens, webhooks): no process logged any of them in full. */
    @AfterAll
    static void noLogOfThePlatformCarriesPersonalDataOrSecrets() {
        assertThat(LogScan.scan(RunningPlatform.get().settings().dataDir().resolve("logs")))
                .as("addresses, tokens or secrets in the logs").isEmpty();
    }

    @Test
    void failedOnlyResendUsesTheCurrentAddressAndIsRecordedInHistory() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        Api api = journey.api;

        api.ok(api.patch("/api/residents/" + journey.residents.get("Bob"), Map.of("email", journey.email("bob", "example.com"))), 200);

        JsonNode options = api.ok(api.get("/api/notices/" + notice + "/resend-options?selected="
                + journey.residents.get("Alice") + "," + journey.residents.get("Eve")), 200);
        assertThat(options.get("resendable").asBoolean()).isTrue();
        JsonNode failedOnly = Journey.option(options, "FAILED_ONLY");
        assertThat(counts(failedOnly)).as("Bob email, Carol email+SMS, Eve SMS").containsExactly(3, 2, 2);
        assertThat(failedOnly.get("addressUnchanged").asInt()).as("all but Bob's fixed email").isEqualTo(3);
        assertThat(failedOnly.get("enabled").asBoolean()).isTrue();
        assertThat(counts(Journey.option(options, "ALL_UNDELIVERED"))).as("Carol only received nothing").containsExactly(1, 1, 1);
        assertThat(counts(Journey.option(options, "SELECTED"))).as("Alice has no failure, Eve's SMS").containsExactly(1, 0, 1);

        EventStream stream = new EventStream(RunningPlatform.get().settings().gatewayUrl(), api.token(), notice);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.events().contains("notice"));
        int before = stream.events().size();

        PlatformMeters metersBefore = PlatformMeters.quiet(RunningPlatform.get().settings());
        String key = UUID.randomUUID().toString();
        Api.Reply accepted = api.send("POST", "/api/notices/" + notice + "/resends", Map.of("scope", "FAILED_ONLY"),
                Map.of("Idempotency-Key", key));
        JsonNode resend = api.ok(accepted, 202);
        assertThat(resend.get("type").asString()).isEqualTo("FULL");
        assertThat(resend.get("recipients").asInt()).isEqualTo(3);
        assertThat(resend.get("emails").asInt()).isEqualTo(2);
        assertThat(resend.get("sms").asInt()).isEqualTo(2);
        assertThat(resend.get("message").asString()).isEqualTo("Resending 2 emails and 2 SMS.");

        JsonNode again = api.ok(api.send("POST", "/api/notices/" + notice + "/resends", Map.of("scope", "FAILED_ONLY"),
                Map.of("Idempotency-Key", key)), 202);
        assertThat(again.get("resendId").asString()).isEqualTo(resend.get("resendId").asString());

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonNode> rows = journey.recipients(notice);
            assertThat(journey.status(rows, "Bob", "EMAIL")).isEqualTo("DELIVERED");
            assertThat(rows.get("Bob").get("EMAIL").get("attempt").asInt()).isEqualTo(2);
            assertThat(rows.get("Bob").get("EMAIL").get("address").asString()).isEqualTo(journey.email("bob", "example.com"));
            assertThat(journey.status(rows, "Carol", "EMAIL")).isEqualTo("FAILED");
            assertThat(rows.get("Carol").get("EMAIL").get("attempt").asInt()).isEqualTo(2);
            assertThat(rows.get("Carol").get("SMS").get("attempt").asInt()).isEqualTo(2);
            assertThat(journey.status(rows, "Eve", "SMS")).isEqualTo("FAILED");
            assertThat(rows.get("Eve").get("SMS").get("attempt").asInt()).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stream.events().subList(before,
                stream.events().size())).as("live updates during the resend").contains("notice", "resend"));
        stream.close();
        assertThat(Simulator.ofRunningPlatform().accepted(journey.email("bob", "example.com"))).as("the new address was used").isEqualTo(1);
        assertThat(Simulator.ofRunningPlatform().accepted(journey.email("bob", "invalid.example"))).isZero();
        assertThat(Simulator.ofRunningPlatform().accepted(journey.email("alice", "example.com"))).as("Alice was not resent").isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode history = api.ok(api.get("/api/notices/" + notice + "/resends"), 200);
            assertThat(history.size()).isEqualTo(1);
            JsonNode row = history.get(0);
            assertThat(row.get("resendId").asString()).isEqualTo(resend.get("resendId").asString());
            assertThat(row.get("type").asString()).isEqualTo("FULL");
            assertThat(row.get("scope").asString()).isEqualTo("FAILED_ONLY");
            assertThat(row.get("recipients").asInt()).isEqualTo(3);
            assertThat(row.get("requestedBy").get("id").asString()).isEqualTo("manager-" + journey.property);
            assertThat(row.get("outcome").get("delivered").asInt()).isEqualTo(1);
            assertThat(row.get("outcome").get("failed").asInt()).isEqualTo(3);
            assertThat(row.get("outcome").get("pending").asInt()).isZero();
        });
        // the statistics are notice-service's projection, the history is history-service's: each catches up on its own
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = journey.notice(notice);
            assertThat(after.get("status").asString()).isEqualTo("PARTIALLY_FAILED");
            assertThat(after.get("stats").get("email").get("delivered").asInt()).isEqualTo(4);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> theMetersMovedByWhatTheResendDid(metersBefore,
                PlatformMeters.scrape(RunningPlatform.get().settings())));
    }

    /**
     * Issue 13: ops see the resend in /actuator/prometheus. It sent Bob's fixed email (SENT, DELIVERED), Carol's email
     * (SENT, bounced) and SMS (invalid number), and Eve's SMS (SENT, unreachable): seven results.
     */
    private static void theMetersMovedByWhatTheResendDid(PlatformMeters before, PlatformMeters now) {
        String delivery = "delivery-service";
        String deliveries = "notice_deliveries_total";
        assertThat(now.since(before, "resend-service", "notice_resends_total", "scope", "failed_only", "type", "full")).isEqualTo(1);
        assertThat(now.since(before, "resend-service", "notice_resend_targets_total", "scope", "failed_only", "channel", "email")).isEqualTo(2);
        assertThat(now.since(before, "resend-service", "notice_resend_targets_total", "scope", "failed_only", "channel", "sms")).isEqualTo(2);
        assertThat(now.since(before, delivery, deliveries, "channel", "email", "provider", "sendgrid", "outcome", "sent", "error", "none")).isEqualTo(2);
        assertThat(now.since(before, delivery, deliveries, "channel", "email", "outcome", "delivered", "error", "none")).isEqualTo(1);
        assertThat(now.since(before, delivery, deliveries, "channel", "email", "outcome", "failed", "error", "bounced")).isEqualTo(1);
        assertThat(now.since(before, delivery, deliveries, "channel", "sms", "provider", "twilio", "outcome", "sent", "error", "none")).isEqualTo(1);
        assertThat(now.since(before, delivery, deliveries, "channel", "sms", "outcome", "failed", "error", "invalid_address")).isEqualTo(1);
        assertThat(now.since(before, delivery, deliveries, "channel", "sms", "outcome", "failed", "error", "unreachable")).isEqualTo(1);
        assertThat(now.byService().get(delivery).sum(deliveries) - before.byService().get(delivery).sum(deliveries))
                .as("no other result").isEqualTo(7);
        assertThat(now.since(before, delivery, "delivery_provider_calls_seconds_count", "provider", "sendgrid", "outcome", "answered"))
                .as("both emails in one SendGrid request").isEqualTo(1);
        assertThat(now.since(before, delivery, "delivery_provider_calls_seconds_count", "provider", "twilio", "outcome", "answered")).isEqualTo(1);
        assertThat(now.since(before, delivery, "delivery_provider_calls_seconds_count", "provider", "twilio", "outcome", "rejected")).isEqualTo(1);
        assertThat(now.since(before, delivery, "delivery_webhook_events_total", "provider", "sendgrid", "result", "applied")).isEqualTo(2);
        assertThat(now.since(before, delivery, "delivery_webhook_events_total", "provider", "twilio", "result", "applied")).isEqualTo(1);
        assertThat(now.since(before, delivery, "delivery_webhook_events_total", "provider", "sendgrid", "result", "rejected_signature")).isZero();
        assertThat(now.value(delivery, "delivery_sends_in_doubt", "channel", "email")).isZero();
        assertThat(now.value(delivery, "delivery_sends_parked", "channel", "sms")).isZero();
        assertThat(now.since(before, delivery, "projection_lag_seconds_count", "consumer", "resend-requested")).as("one chunk").isEqualTo(1);
        assertThat(now.since(before, "history-service", "projection_lag_seconds_count", "consumer", "resend-requested")).isEqualTo(1);
        assertThat(now.since(before, "history-service", "projection_lag_seconds_count", "consumer", "delivery-results")).isEqualTo(7);
        assertThat(now.since(before, "resend-service", "projection_lag_seconds_count", "consumer", "delivery-results")).isEqualTo(7);
        assertThat(now.since(before, "history-service", "consumer_dead_letters_total", "consumer", "delivery-results")).isZero();
        // the dialog read the notice whole after Bob's fix; the resend that followed, nothing having changed, asked
        // by version and got the selection only (README "Resend options at scale")
        assertThat(now.since(before, "resend-service", "notice_delivery_states_reads_total", "answer", "selection"))
                .as("the kept answer was still current").isEqualTo(1);
        assertThat(now.since(before, "resend-service", "notice_delivery_states_reads_total", "answer", "whole")).isZero();
    }

    /** Issue 13: a renamed or missing meter breaks the build, not the dashboard or the alert that queries it. */
    @Test
    void everyMetricTheDashboardsAndAlertsQueryIsExposedByTheRunningServices() {
        Set<String> exposed = new TreeSet<>();
        PlatformMeters.scrape(RunningPlatform.get().settings()).byService().values().forEach(s -> exposed.addAll(s.names()));
        Set<String> queried = new TreeSet<>();
        QueriedMetrics.expressions(Path.of("../ops")).forEach(e -> queried.addAll(QueriedMetrics.names(e)));

        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(exposed).containsAll(queried);
    }

    @Test
    void allUndeliveredAndSelectedResendExactlyWhatTheirOptionsCounted() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        Api api = journey.api;

        JsonNode all = Journey.option(api.ok(api.get("/api/notices/" + notice + "/resend-options"), 200), "ALL_UNDELIVERED");
        JsonNode allResend = api.ok(api.post("/api/notices/" + notice + "/resends",
                Map.of("scope", "ALL_UNDELIVERED")), 202);
        assertThat(List.of(allResend.get("recipients").asInt(), allResend.get("emails").asInt(),
                allResend.get("sms").asInt())).isEqualTo(counts(all));

        String eve = journey.residents.get("Eve");
        JsonNode selectedOptions = api.ok(api.post("/api/notices/" + notice + "/resend-options",
                Map.of("recipientIds", List.of(eve))), 200);
        assertThat(counts(Journey.option(selectedOptions, "SELECTED"))).containsExactly(1, 0, 1);
        String trace = UUID.randomUUID().toString().replace("-", "");
        JsonNode partial = api.ok(api.send("POST", "/api/notices/" + notice + "/resends",
                Map.of("scope", "SELECTED", "recipientIds", List.of(eve)),
                Map.of("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")), 202);
        assertThat(partial.get("type").asString()).isEqualTo("PARTIAL");
        assertThat(partial.get("message").asString()).isEqualTo("Resending 1 SMS.");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode history = api.ok(api.get("/api/notices/" + notice + "/resends"), 200);
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(0).get("type").asString()).as("newest first").isEqualTo("PARTIAL");
            assertThat(history.get(1).get("type").asString()).isEqualTo("FULL");
        });
        theTraceIsInTheLogsOfEveryServiceOnTheResendsWay(trace);
    }

    /**
     * Issue 13: one resend is one trace. The caller's trace id reaches every process on the resend's way, through
     * HTTP (gateway, resend-service, its call to notice-service) and Kafka (resend-requested to delivery-service, its
     * delivery-results to notice-service, history-service and resend-service).
     */
    private static void theTraceIsInTheLogsOfEveryServiceOnTheResendsWay(String trace) {
        Path logs = RunningPlatform.get().settings().dataDir().resolve("logs");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(Stream.of("gateway", "resend-service", "delivery-service", "notice-service",
                        "history-service").filter(process -> !logged(logs.resolve(process + ".log"), trace)))
                        .as("processes whose log does not name trace " + trace).isEmpty());
    }

    private static boolean logged(Path log, String text) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theErrorsOfTheHelpPage() {
        Journey journey = new Journey();
        journey.resident("Alice", journey.email("alice", "example.com"), "+15145550001");
        Api api = journey.api;

        String draft = journey.draft(null);
        assertThat(api.post("/api/notices/" + draft + "/resends", Map.of("scope", "FAILED_ONLY")).code())
                .isEqualTo("NOTICE_NOT_RESENDABLE");
        JsonNode draftOptions = api.ok(api.get("/api/notices/" + draft + "/resend-options"), 200);
        assertThat(draftOptions.get("resendable").asBoolean()).isFalse();
        draftOptions.get("options").forEach(o -> assertThat(o.get("enabled").asBoolean()).isFalse());

        String scheduled = journey.draft(null);
        api.ok(api.post("/api/notices/" + scheduled + "/schedule",
                Map.of("sendAt", Instant.now().plus(Duration.ofDays(2)).toString())), 200);
        assertThat(api.post("/api/notices/" + scheduled + "/resends", Map.of("scope", "FAILED_ONLY")).code())
                .isEqualTo("NOTICE_NOT_RESENDABLE");

        String delivered = journey.sendToAll();
        journey.settled(delivered);
        Api.Reply nothingLeft = api.post("/api/notices/" + delivered + "/resends", Map.of("scope", "FAILED_ONLY"));
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.code()).isEqualTo("NO_FAILED_RECIPIENTS");
        assertThat(nothingLeft.contentType()).contains("application/problem+json");

        assertThat(api.post("/api/notices/" + delivered + "/resends", Map.of("scope", "SELECTED")).code())
                .isEqualTo("NO_RECIPIENTS_SELECTED");
        assertThat(api.post("/api/notices/" + delivered + "/resends", Map.of("scope", "EVERYONE")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(RunningPlatform.api("stranger", "elsewhere")
                .post("/api/notices/" + delivered + "/resends", Map.of("scope", "FAILED_ONLY")).status())
                .isEqualTo(404);
    }

    private static List<Integer> counts(JsonNode option) {
        return List.of(option.get("recipients").asInt(), option.get("emails").asInt(), option.get("sms").asInt());
    }
}
