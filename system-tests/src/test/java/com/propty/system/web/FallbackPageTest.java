package com.propty.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * "Reach them another way" in the browser: an email-only notice whose emails cannot succeed as they stand is resent by
 * SMS with the dialog's fallback option; the dialog counts it before the click, the success message and the history
 * say how many went by fallback, and the notice gains an SMS column and total while its channels stay EMAIL.
 */
class FallbackPageTest {

    private static NoticePage page;

    @BeforeAll
    static void startBrowser() {
        page = new NoticePage(HeadlessChrome.sharedOrSkip(), RunningPlatform.get().settings().gatewayUrl());
    }

    @Test
    void anEmailOnlyNoticeReachesTheResidentsWhoseEmailCannotSucceedBySms() {
        Journey journey = new Journey();
        journey.resident("Alice", journey.email("alice", "example.com"), "+15145550001");
        journey.resident("Bob", journey.email("bob", "invalid.example"), "+15145550002");
        journey.resident("Zoe", journey.email("zoe", "invalid.example"), null); // nothing else to try
        Api api = journey.api;
        String notice = journey.draft(null, List.of("EMAIL"));
        api.ok(api.post("/api/notices/" + notice + "/send", null), 202);
        journey.settled(notice);
        String bob = journey.id("Bob");

        JsonNode failedOnly = Journey.option(api.ok(api.get("/api/notices/" + notice + "/resend-options"), 200),
                "FAILED_ONLY");
        assertThat(failedOnly.get("fallback").get("sms").asInt()).as("Bob only: Zoe has no phone").isEqualTo(1);
        assertThat(failedOnly.get("fallback").get("total").get("emails").asInt()).as("Zoe's email as before").isEqualTo(1);

        page.reset();
        page.signInWith(api.token());
        page.openNotice(notice);
        page.waitForRecipients();
        assertThat(page.channel(bob, "EMAIL")).isEqualTo("FAILED#1");
        page.openResendDialog();
        assertThat(page.scopeCount("FAILED_ONLY")).isEqualTo(2);
        assertThat(page.text("fallback-hint")).contains("1 SMS");
        page.click("resend-fallback");
        assertThat(page.scopeCount("FAILED_ONLY")).as("Bob by SMS, Zoe by email").isEqualTo(2);
        assertThat(page.accessibilityViolations()).as("the resend dialog with the fallback ticked").isEmpty();

        assertThat(page.resend()).isEqualTo("Resending 1 email and 1 SMS. 1 of them goes by the recipient’s other channel.");
        Runnable explain = () -> System.out.println("[web] the API says: "
                + api.get("/api/notices/" + notice + "/recipients?size=200").raw());
        page.waitLive("Bob's SMS delivered in a new column", explain, () -> page.channel(bob, "SMS").equals("DELIVERED#2"));
        page.waitLive("an SMS total", explain, () -> page.stat("sms", "delivered") == 1);
        page.waitLive("the history row's fallback count", explain, () -> page.historyRows().size() == 1
                && page.historyRows().get(0).getText().contains("1 by the other channel"));
        assertThat(page.channel(bob, "EMAIL")).as("the hopeless email is not retried").isEqualTo("FAILED#1");

        JsonNode after = journey.notice(notice);
        assertThat(after.get("channels").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(after.get("stats").get("sms").get("total").asInt()).isEqualTo(1);
        JsonNode history = api.ok(api.get("/api/notices/" + notice + "/resends"), 200).get(0);
        assertThat(history.get("fallback").get("sms").asInt()).isEqualTo(1);
        assertThat(page.accessibilityViolations()).as("the notice with a fallback channel").isEmpty();

        // the resend's detail marks Bob's SMS as sent instead of his email, and Zoe's retried email as not
        page.click("history-detail-link");
        page.waitUntil(NoticePage.LIVE, d -> d.findElements(NoticePage.testId("target-row")).size() == 2);
        org.openqa.selenium.WebElement bobSms = page.waitUntil(NoticePage.LIVE, d -> d.findElement(By.cssSelector(
                "[data-testid='target-row'][data-recipient-id='" + bob + "'][data-channel='SMS']")));
        assertThat(bobSms.findElements(NoticePage.testId("target-fallback"))).hasSize(1);
        assertThat(bobSms.getText()).contains("instead of the other channel");
        org.openqa.selenium.WebElement zoeEmail = page.waitUntil(NoticePage.LIVE, d -> d.findElement(By.cssSelector(
                "[data-testid='target-row'][data-recipient-id='" + journey.id("Zoe") + "'][data-channel='EMAIL']")));
        assertThat(zoeEmail.findElements(NoticePage.testId("target-fallback"))).isEmpty();
    }
}
