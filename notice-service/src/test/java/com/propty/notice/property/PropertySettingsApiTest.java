package com.propty.notice.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.NoticeDispatchRequested;
import com.propty.events.QuietHours;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A property's settings (README "Never at night"): the platform's defaults until an administrator changes them, what
 * a patch may say, and the quiet hours every dispatch chunk then carries, except an urgent notice's.
 */
class PropertySettingsApiTest extends ServiceTestSupport {

    private Response asAdmin(String method, String path, Object body, String property) {
        return callWithToken(method, path, body, InternalTokens.forCaller("admin-1", "Ada Admin",
                List.of("PROPERTY_ADMIN"), List.of(property)), "Content-Type", "application/merge-patch+json");
    }

    private JsonNode settings(String property) {
        Response got = call("GET", "/api/properties/" + property + "/settings", null, property);
        assertThat(got.status()).isEqualTo(200);
        return got.body();
    }

    @Test
    void aPropertyHasTheDefaultsUntilAnAdministratorChangesThemAndNullPutsADefaultBack() {
        String property = newProperty();
        JsonNode defaults = settings(property);
        assertThat(defaults.get("timeZone").stringValue()).isEqualTo("UTC");
        assertThat(defaults.get("quietHours").get("enabled").booleanValue()).isTrue();
        assertThat(defaults.get("quietHours").get("start").stringValue()).isEqualTo("21:00");
        assertThat(defaults.get("quietHours").get("end").stringValue()).isEqualTo("08:00");
        assertThat(defaults.get("updatedBy").isNull()).isTrue();

        Response manager = call("PATCH", "/api/properties/" + property + "/settings", Map.of("timeZone", "Europe/Paris"),
                property);
        Problems.assertProblem(manager.http(), 403, "FORBIDDEN");
        assertThat(settings(property).get("timeZone").stringValue()).as("unchanged").isEqualTo("UTC");

        Response changed = asAdmin("PATCH", "/api/properties/" + property + "/settings", Map.of("timeZone",
                "America/Montreal", "quietHours", Map.of("start", "22:30", "end", "07:00:30")), property);
        assertThat(changed.status()).isEqualTo(200);
        JsonNode now = settings(property);
        assertThat(now.get("timeZone").stringValue()).isEqualTo("America/Montreal");
        assertThat(now.get("quietHours").get("enabled").booleanValue()).isTrue();
        assertThat(now.get("quietHours").get("start").stringValue()).isEqualTo("22:30");
        assertThat(now.get("quietHours").get("end").stringValue()).isEqualTo("07:00:30");
        assertThat(now.get("updatedBy").get("name").stringValue()).isEqualTo("Ada Admin");

        asAdmin("PATCH", "/api/properties/" + property + "/settings", Map.of("quietHours", Map.of("enabled", false)),
                property);
        assertThat(settings(property).get("quietHours").get("enabled").booleanValue()).isFalse();
        assertThat(settings(property).get("quietHours").get("start").stringValue()).as("kept").isEqualTo("22:30");

        java.util.HashMap<String, Object> reset = new java.util.HashMap<>();
        reset.put("quietHours", null);
        reset.put("timeZone", null);
        assertThat(asAdmin("PATCH", "/api/properties/" + property + "/settings", reset, property).status()).isEqualTo(200);
        JsonNode back = settings(property);
        assertThat(back.get("timeZone").stringValue()).isEqualTo("UTC");
        assertThat(back.get("quietHours").get("enabled").booleanValue()).isTrue();
        assertThat(back.get("quietHours").get("start").stringValue()).isEqualTo("21:00");
    }

    @Test
    void aBadPatchIsA400NamingEachFieldAndChangesNothing() {
        String property = newProperty();
        String path = "/api/properties/" + property + "/settings";
        for (Object body : List.<Object>of(Map.of("timeZone", "Mars/Olympus"), Map.of("timeZone", 5),
                Map.of("quietHours", Map.of("start", "9pm")), Map.of("quietHours", Map.of("end", "24:00")),
                Map.of("quietHours", Map.of("start", "08:00")), Map.of("quietHours", Map.of("enabled", "no")),
                Map.of("quietHours", List.of(true)), Map.of("quietHours", Map.of("length", 3)), Map.of("locale", "fr"),
                "[]", "{\"timeZone\":")) {
            Response refused = asAdmin("PATCH", path, body, property);
            assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(refused.body().get("code").stringValue()).as(String.valueOf(body)).isIn("VALIDATION_FAILED",
                    "MALFORMED_REQUEST");
        }
        Response both = asAdmin("PATCH", path, Map.of("timeZone", "Nowhere/City", "quietHours",
                Map.of("start", "25:00")), property);
        assertThat(both.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("timeZone",
                "quietHours.start");
        JsonNode unchanged = settings(property);
        assertThat(unchanged.get("timeZone").stringValue()).isEqualTo("UTC");
        assertThat(unchanged.get("updatedBy").isNull()).as("nothing was stored").isTrue();
        Problems.assertProblem(call("GET", "/api/properties/" + property + "/settings", null, newProperty()).http(),
                404, "NOT_FOUND");
    }

    @Test
    void chunksCarryTheQuietHoursAsTheyAreWhenSentExceptAnUrgentNoticesWhoseMarkIsAudited() {
        String property = newProperty();
        createResident(property, "Ann Lee", "ann@example.com", "+15145550001");
        asAdmin("PATCH", "/api/properties/" + property + "/settings", Map.of("timeZone", "Europe/Paris",
                "quietHours", Map.of("start", "20:00", "end", "07:30")), property);

        NoticeDispatchRequested ordinary = send(property, null);
        assertThat(ordinary.quietHours()).isEqualTo(new QuietHours("Europe/Paris", "20:00", "07:30"));

        NoticeDispatchRequested urgent = send(property, "Water main break: no water until 14:00");
        assertThat(urgent.quietHours()).as("urgent ignores quiet hours").isNull();
        JsonNode notice = call("GET", "/api/notices/" + urgent.noticeId(), null, property).body();
        assertThat(notice.get("urgent").get("reason").stringValue()).isEqualTo("Water main break: no water until 14:00");
        assertThat(notice.get("urgent").get("markedBy").get("id").stringValue()).isEqualTo("user-1");

        JsonNode states = callAsService("/internal/notices/" + ordinary.noticeId() + "/delivery-states").body();
        assertThat(states.get("urgent").booleanValue()).isFalse();
        assertThat(states.get("quietHours").get("timeZone").stringValue()).isEqualTo("Europe/Paris");
        assertThat(callAsService("/internal/notices/" + urgent.noticeId() + "/delivery-states").body()
                .get("quietHours").isNull()).isTrue();

        // removing the mark: the notice's resends respect quiet hours again
        assertThat(call("DELETE", "/api/notices/" + urgent.noticeId() + "/urgent", null, property).body().get("urgent")
                .isNull()).isTrue();
        assertThat(callAsService("/internal/notices/" + urgent.noticeId() + "/delivery-states").body()
                .get("quietHours").get("start").stringValue()).isEqualTo("20:00");

        for (Object reason : new Object[] {Map.of(), Map.of("reason", "   "), Map.of("reason", "x".repeat(501))}) {
            Problems.assertProblem(call("PUT", "/api/notices/" + urgent.noticeId() + "/urgent", reason, property).http(),
                    400, "VALIDATION_FAILED");
        }
        assertThat(call("GET", "/api/notices/" + urgent.noticeId(), null, property).body().get("urgent").isNull())
                .as("a refused mark changes nothing").isTrue();
    }

    private NoticeDispatchRequested send(String property, String urgentReason) {
        String noticeId = call("POST", "/api/properties/" + property + "/notices", Map.of("title", "Water",
                "body", "Water is off.", "channels", List.of("EMAIL", "SMS")), property).body().get("id").stringValue();
        if (urgentReason != null) {
            assertThat(call("PUT", "/api/notices/" + noticeId + "/urgent", Map.of("reason", urgentReason), property)
                    .status()).isEqualTo(200);
        }
        assertThat(call("POST", "/api/notices/" + noticeId + "/send", null, property).status()).isEqualTo(202);
        return JSON.readValue(read(Topics.NOTICE_DISPATCH_REQUESTED, r -> r.key().startsWith(noticeId + ":"), 1,
                Duration.ofSeconds(30)).get(0).value(), NoticeDispatchRequested.class);
    }
}
