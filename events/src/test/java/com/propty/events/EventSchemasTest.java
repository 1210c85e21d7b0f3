package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The records are the contract's Java face; the JSON Schemas its machine-readable one. They must agree. */
class EventSchemasTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Content CONTENT = new Content("Water shut-off", "The water is off on Monday.", "Water off Monday");
    private static final List<Target> TARGETS = List.of(
            new Target("r1", Channel.EMAIL, 1, "ann@example.com"),
            new Target("r1", Channel.SMS, 1, "+15145550123"),
            new Target("r2", Channel.SMS, 1, null));

    @Test
    void dispatchChunkValidatesAgainstItsSchema() {
        var event = NoticeDispatchRequested.of("d1", "n1", "p1", CONTENT, TARGETS, 0, 1, ChannelTotals.count(TARGETS));
        assertThat(errors("notice-dispatch-requested", event)).isEmpty();
    }

    @Test
    void chunksCarryTheQuietHoursTheirSmsMustRespect() {
        QuietHours night = new QuietHours("Europe/Paris", "21:00", "08:00");
        var dispatch = NoticeDispatchRequested.of("d1", "n1", "p1", CONTENT, TARGETS, 0, 1, ChannelTotals.count(TARGETS),
                night);
        var resend = ResendRequested.of("rs1", "n1", "p1", ResendScope.FAILED_ONLY, new Requester("u1", "Ann"),
                Instant.now(), CONTENT, TARGETS, 0, 1, ChannelTotals.count(TARGETS), 2, night);
        assertThat(errors("notice-dispatch-requested", dispatch)).isEmpty();
        assertThat(errors("resend-requested", resend)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(resend), ResendRequested.class).quietHours()).isEqualTo(night);
        String bad = mapper.writeValueAsString(dispatch).replace("\"08:00\"", "\"8h\"");
        assertThat(schema("notice-dispatch-requested").validate(bad, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void holdsValidateAgainstTheirSchemaAndSurviveARoundTrip() {
        var held = DeliveryHeld.quietHours("p1", "n1", Channel.SMS, Instant.parse("2026-01-01T07:00:00Z"),
                List.of(new DeliveryDeferred.DeferredTarget("r1", 1, "d1")));
        assertThat(errors("delivery-held", held)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(held), DeliveryHeld.class)).isEqualTo(held);
        assertThat(schema("delivery-held").validate(mapper.writeValueAsString(held).replace("\"until\":", "\"x\":"),
                InputFormat.JSON)).as("a hold without its end").isNotEmpty();
    }

    @Test
    void resendChunkValidatesAgainstItsSchema() {
        var event = ResendRequested.of("rs1", "n1", "p1", ResendScope.SELECTED, new Requester("u1", "Ann"),
                Instant.now(), CONTENT, TARGETS, 0, 1, ChannelTotals.count(TARGETS), 2);
        assertThat(event.resendType()).isEqualTo(ResendType.PARTIAL);
        assertThat(errors("resend-requested", event)).isEmpty();
    }

    @Test
    void deliveryResultsValidateAgainstTheirSchema() {
        var sent = DeliveryResult.of("p1", "n1", "r1", Channel.EMAIL, 1, "d1", DeliveryStatus.SENT, null, null, null,
                "sendgrid", "msg-1", "ann@example.com");
        var failed = DeliveryResult.of("p1", "n1", "r1", Channel.SMS, 2, "rs1", DeliveryStatus.FAILED,
                ErrorCode.INVALID_ADDRESS, "21211", "not a valid phone number", "twilio", null, "+15550100000");
        assertThat(errors("delivery-result", sent)).isEmpty();
        assertThat(errors("delivery-result", failed)).isEmpty();
    }

    @Test
    void optOutsValidateAgainstTheirSchemaAndSurviveARoundTrip() {
        var optOut = ContactOptedOut.of("p1", "n1", "r1", Channel.EMAIL, "unsubscribe", "sendgrid");
        assertThat(errors("contact-opted-out", optOut)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(optOut), ContactOptedOut.class)).isEqualTo(optOut);
    }

    @Test
    void deferralsValidateAgainstTheirSchemaAndSurviveARoundTrip() {
        var deferred = DeliveryDeferred.of("p1", "n1", Channel.EMAIL, "sendgrid", "HTTP 503",
                Instant.parse("2026-01-01T00:00:05Z"), Instant.parse("2026-01-02T00:00:00Z"),
                List.of(new DeliveryDeferred.DeferredTarget("r1", 2, "resend-1")));
        assertThat(errors("delivery-deferred", deferred)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(deferred), DeliveryDeferred.class)).isEqualTo(deferred);
    }

    @Test
    void schemaRejectsADeferralWithoutTargetsOrWithAnotherErrorCode() {
        String head = "{\"eventId\":\"e\",\"type\":\"DeliveryDeferred\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"n\",\"channel\":\"SMS\",";
        String target = "[{\"recipientId\":\"r\",\"attempt\":1}]";
        assertThat(schema("delivery-deferred").validate(head + "\"errorCode\":\"PROVIDER_UNAVAILABLE\",\"targets\":"
                + target + "}", InputFormat.JSON)).isEmpty();
        assertThat(schema("delivery-deferred").validate(head + "\"errorCode\":\"PROVIDER_UNAVAILABLE\",\"targets\":[]}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema("delivery-deferred").validate(head + "\"errorCode\":\"BOUNCED\",\"targets\":" + target + "}",
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void auditEntriesValidateAgainstTheirSchemaAndSurviveARoundTrip() {
        var entry = AuditRecorded.of("p1", new Requester("u1", "Ann"), AuditAction.RESIDENT_UPDATED,
                new AuditRecorded.AuditTarget("resident", "r1"), "req-1", java.util.Map.of("fields", "email,phone",
                        "email", "a***@example.com"), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(entry.entryId()).isEqualTo(entry.eventId());
        assertThat(errors("audit-recorded", entry)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(entry), AuditRecorded.class)).isEqualTo(entry);
    }

    @Test
    void schemaRejectsAnAuditEntryWithAnUnknownActionOrANonStringDetail() {
        String head = "{\"eventId\":\"e\",\"type\":\"AuditRecorded\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"entryId\":\"e\",\"propertyId\":\"p\","
                + "\"actor\":{\"id\":\"u\",\"name\":\"U\"},\"target\":{\"type\":\"notice\",\"id\":\"n\"},";
        assertThat(schema("audit-recorded").validate(head + "\"action\":\"NOTICE_SENT\",\"details\":{}}",
                InputFormat.JSON)).isEmpty();
        assertThat(schema("audit-recorded").validate(head + "\"action\":\"NOTICE_READ\",\"details\":{}}",
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema("audit-recorded").validate(head + "\"action\":\"NOTICE_SENT\",\"details\":{\"n\":1}}",
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void noticeChangesValidateAgainstTheirSchemaAndSurviveARoundTrip() {
        for (NoticeChanged change : List.of(NoticeChanged.notice("n1"), NoticeChanged.resend("n1", "rs1"),
                NoticeChanged.recipients("n1", List.of("r1", "r2"), 50), NoticeChanged.recipients("n1",
                        List.of("r1", "r2"), 1))) {
            assertThat(errors("notice-changed", change)).as(change.toString()).isEmpty();
            assertThat(mapper.readValue(mapper.writeValueAsString(change), NoticeChanged.class)).isEqualTo(change);
        }
    }

    @Test
    void schemaRejectsANoticeChangeAReceiverCannotActOn() {
        String head = "{\"eventId\":\"e\",\"type\":\"NoticeChanged\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"n\",";
        assertThat(schema("notice-changed").validate(head + "\"kind\":\"RECIPIENTS\",\"recipientIds\":[\"r\"]}",
                InputFormat.JSON)).isEmpty();
        assertThat(schema("notice-changed").validate(head + "\"kind\":\"RECIPIENTS\",\"recipientIds\":[]}",
                InputFormat.JSON)).as("no rows and no refresh").isNotEmpty();
        assertThat(schema("notice-changed").validate(head + "\"kind\":\"RESEND\",\"resendId\":null}",
                InputFormat.JSON)).as("a resend without its id").isNotEmpty();
        assertThat(schema("notice-changed").validate(head + "\"kind\":\"STATS\"}", InputFormat.JSON)).isNotEmpty();
    }

    /** Every topic of the catalogue is a channel of the AsyncAPI document, and every schema it names exists. */
    @Test
    void theAsyncApiDocumentNamesEveryTopicAndOnlyExistingSchemas() throws Exception {
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String topic : Topics.PARTITIONS.keySet()) {
            assertThat(asyncApi).as(topic).contains("address: " + topic + "\n");
        }
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\./schemas/([a-z-]+)\\.schema\\.json")
                .matcher(asyncApi);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(getClass().getResource("/schemas/" + refs.group(1) + ".schema.json")).as(refs.group(1))
                    .isNotNull();
        }
        assertThat(count).isEqualTo(Topics.PARTITIONS.size());
    }

    @Test
    void schemaRejectsAnOptOutWithoutItsChannel() {
        String json = "{\"eventId\":\"e\",\"type\":\"ContactOptedOut\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"n\",\"recipientId\":\"r\","
                + "\"reason\":\"spamreport\"}";
        assertThat(schema("contact-opted-out").validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void schemaRejectsAResultWithoutItsTarget() {
        String json = "{\"eventId\":\"e\",\"type\":\"DeliveryResult\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"n\",\"status\":\"SENT\"}";
        assertThat(schema("delivery-result").validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void schemaRejectsPendingAsAResult() {
        var pending = DeliveryResult.of("p1", "n1", "r1", Channel.EMAIL, 1, "d1", DeliveryStatus.PENDING, null, null, null,
                null, null, null);
        assertThat(errors("delivery-result", pending)).isNotEmpty();
    }

    @Test
    void readingIgnoresUnknownFields() {
        String json = "{\"eventId\":\"e1\",\"type\":\"DeliveryResult\",\"version\":2,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"n1\",\"recipientId\":\"r1\","
                + "\"channel\":\"SMS\",\"attempt\":3,\"attemptId\":\"rs9\",\"status\":\"DELIVERED\","
                + "\"somethingNew\":{\"nested\":true},\"anotherNewField\":42}";
        DeliveryResult result = mapper.readValue(json, DeliveryResult.class);
        assertThat(result.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(result.attempt()).isEqualTo(3);
        assertThat(result.rank()).isEqualTo(StatusRank.of(3, DeliveryStatus.DELIVERED));
    }

    @Test
    void recordsSurviveARoundTrip() {
        var event = ResendRequested.of("rs1", "n1", "p1", ResendScope.FAILED_ONLY, new Requester("u1", "Ann"),
                Instant.parse("2026-01-01T10:00:00Z"), CONTENT, TARGETS, 1, 3, new ChannelTotals(700, 800), 900);
        assertThat(mapper.readValue(mapper.writeValueAsString(event), ResendRequested.class)).isEqualTo(event);
    }

    private List<Error> errors(String name, Object event) {
        return schema(name).validate(mapper.writeValueAsString(event), InputFormat.JSON);
    }

    private Schema schema(String name) {
        InputStream in = getClass().getResourceAsStream("/schemas/" + name + ".schema.json");
        assertThat(in).as(name).isNotNull();
        return registry.getSchema(in);
    }
}
