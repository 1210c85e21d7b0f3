package com.propty.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * "Never at night" in the browser. A property administrator sets SMS quiet hours that end 60 s from now (real time:
 * no clock is shifted across processes, signatures, tokens and sweepers depend on it). Inside them a manager resends
 * a fixed SMS: the dialog says before the click that it will wait and until when, the success message says so, the
 * table shows it waiting, and it goes when they end. Meanwhile an urgent notice, marked with its reason on the page,
 * reaches its resident at once, and the audit trail records who marked it and why.
 */
class QuietHoursPageTest {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static NoticePage page;

    @BeforeAll
    static void startBrowser() {
        page = new NoticePage(HeadlessChrome.sharedOrSkip(), RunningPlatform.get().settings().gatewayUrl());
    }

    @Test
    void anSmsResendInsideQuietHoursWaitsUntilTheyEndAndAnUrgentNoticeDoesNotWait() {
        Journey journey = new Journey();
        String eve = journey.resident("Eve", journey.email("eve", "example.com"), "+15550200005"); // SMS undelivered
        String alice = journey.resident("Alice", journey.email("alice", "example.com"), "+15145550001");
        Api api = journey.api;
        String notice = journey.draft(List.of("Eve"));
        api.ok(api.post("/api/notices/" + notice + "/send", null), 202);
        journey.settled(notice);
        api.ok(api.patch("/api/residents/" + eve, Map.of("phone", "+15145550005")), 200); // a number that works
        String urgent = journey.draft(List.of("Alice"), List.of("SMS"));

        Api admin = Api.signInAs(RunningPlatform.get().settings().gatewayUrl(), "PROPERTY_ADMIN",
                "admin-" + journey.property, journey.property);
        Instant end = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        LocalTime endUtc = LocalTime.ofInstant(end, ZoneOffset.UTC);
        JsonNode settings = admin.ok(admin.patch("/api/properties/" + journey.property + "/settings", Map.of(
                "timeZone", "UTC",
                "quietHours", Map.of("enabled", true, "start", endUtc.minusHours(2).toString(), "end", endUtc.toString()))),
                200);
        assertThat(settings.get("quietHours").get("end").asString()).isEqualTo(endUtc.toString());
        String until = HH_MM.format(endUtc);
        Runnable explain = () -> System.out.println("[web] the API says: "
                + api.get("/api/notices/" + notice + "/recipients?size=200").raw());

        // the resend: counted as waiting before the click, said to wait after it, shown waiting in the table
        page.reset();
        page.signInWith(api.token());
        page.openNotice(notice);
        page.waitForRecipients();
        assertThat(page.channel(eve, "SMS")).isEqualTo("FAILED#1");
        page.openResendDialog();
        assertThat(page.scopeCount("FAILED_ONLY")).isEqualTo(1);
        assertThat(page.text("quiet-hours-hint")).contains("1 SMS will wait").contains(until).contains("UTC");
        assertThat(page.accessibilityViolations()).as("the resend dialog inside quiet hours").isEmpty();
        assertThat(page.resend()).isEqualTo("Resending 1 SMS. The SMS waits for the end of quiet hours (" + until
                + ", UTC).");
        By waiting = By.cssSelector("[data-testid='recipient-row'][data-recipient-id='" + eve
                + "'] [data-testid='channel-status-SMS'] [data-testid='deferral']");
        page.waitLive("Eve's SMS waiting for the end of quiet hours", explain,
                () -> page.channel(eve, "SMS").equals("PENDING#2"));
        WebElement deferral = page.waitUntil(NoticePage.LIVE, d -> d.findElement(waiting));
        assertThat(deferral.getText()).startsWith("Quiet hours: waits until");
        assertThat(Instant.parse(deferral.getDomAttribute("data-until"))).isEqualTo(end);
        assertThat(page.accessibilityViolations()).as("the table with a waiting SMS").isEmpty();

        // an emergency, still inside quiet hours: marked urgent with its reason, sent, and not held
        page.openNotice(urgent);
        page.click("mark-urgent");
        page.waitUntil(NoticePage.LIVE, d -> d.findElement(NoticePage.testId("urgent-dialog")).isDisplayed());
        assertThat(page.accessibilityViolations()).as("the urgent dialog").isEmpty();
        page.type("urgent-reason", "Water main break: no water until 14:00");
        page.click("urgent-confirm");
        assertThat(page.waitUntil(NoticePage.LIVE, d -> d.findElement(NoticePage.testId("urgent-reason-shown"))).getText())
                .contains("Water main break: no water until 14:00").contains("User manager-" + journey.property);
        page.click("send-now");
        page.waitForRecipients();
        page.waitLive("the urgent SMS delivered at once", explain, () -> page.channel(alice, "SMS").equals("DELIVERED#1"));
        assertThat(journey.status(journey.recipients(notice), "Eve", "SMS"))
                .as("the urgent SMS went while the ordinary one still waits").isEqualTo("PENDING");
        assertThat(page.accessibilityViolations()).as("an urgent notice").isEmpty();
        JsonNode marked = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> audit(admin, journey.property, "NOTICE_MARKED_URGENT"), e -> true);
        assertThat(marked.get("actor").get("id").asString()).isEqualTo("manager-" + journey.property);
        assertThat(marked.get("details").get("reason").asString()).isEqualTo("Water main break: no water until 14:00");

        // the administrator's settings view shows the window; then the held SMS goes when it ends
        page.reset();
        page.signInWith(admin.token());
        page.openSettings(journey.property);
        assertThat(page.isChecked("settings-quiet-enabled")).isTrue();
        assertThat(page.value("settings-quiet-end")).isEqualTo(endUtc.toString());
        assertThat(page.value("settings-time-zone")).isEqualTo("UTC");
        assertThat(page.accessibilityViolations()).as("the settings view").isEmpty();
        page.openNotice(notice);
        page.waitForRecipients();
        page.waitLive("Eve's SMS delivered when quiet hours end", explain,
                () -> page.channel(eve, "SMS").equals("DELIVERED#2"));
        boolean noLongerWaiting = page.waitUntil(NoticePage.UI, d -> d.findElements(waiting).isEmpty());
        assertThat(noLongerWaiting).as("no deferral once delivered").isTrue();
        JsonNode sms = journey.recipients(notice).get("Eve").get("SMS");
        assertThat(Instant.parse(sms.get("updatedAt").asString())).as("not before quiet hours end").isAfterOrEqualTo(end);
    }

    private static JsonNode audit(Api admin, String property, String action) {
        for (JsonNode item : admin.ok(admin.get("/api/properties/" + property + "/audit?size=50"), 200).get("items")) {
            if (item.get("action").asString().equals(action)) {
                return item;
            }
        }
        throw new AssertionError("no " + action + " in the audit trail of " + property);
    }
}
