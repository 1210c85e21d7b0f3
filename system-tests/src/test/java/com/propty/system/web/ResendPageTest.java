package com.propty.system.web;

import static com.propty.system.Journey.option;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/**
 * The help page's "Renvoyer un avis" journey in a real browser, against the whole platform through the gateway: the
 * page served by the gateway shows what the API says, resends exactly what its dialog counted, and follows the
 * results live. Skipped when Debian's chromium and chromedriver are not installed.
 */
class ResendPageTest {

    private static final List<String> SCOPES = List.of("FAILED_ONLY", "ALL_UNDELIVERED", "SELECTED");

    private static WebDriver browser;
    private static String gateway;
    private NoticePage page;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.sharedOrSkip();
        gateway = RunningPlatform.get().settings().gatewayUrl();
    }

    @BeforeEach
    void signedOut() {
        page = new NoticePage(browser, gateway);
        page.reset();
    }

    @Test
    void aManagerResendsTheFailuresOfANoticeAndWatchesThemSettleLive() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        Api api = journey.api;
        // The help page's advice: fix the address that keeps failing, then resend.
        api.ok(api.patch("/api/residents/" + journey.id("Bob"), Map.of("email", journey.email("bob", "example.com"))), 200);
        String alice = journey.id("Alice");
        String bob = journey.id("Bob");
        String eve = journey.id("Eve");

        page.signInWith(api.token());
        page.openNotice(notice);
        page.waitForRecipients();
        assertThat(page.noticeStatus()).isEqualTo("PARTIALLY_FAILED");
        assertThat(page.hasResendButton()).as("resendable, so the button is there").isTrue();
        assertThat(page.stat("email", "delivered")).as("Alice, Dan, Eve").isEqualTo(3);
        assertThat(page.stat("email", "failed")).as("Bob, Carol").isEqualTo(2);
        assertThat(page.stat("sms", "skipped")).as("Dan has no phone").isEqualTo(1);
        assertThat(page.channel(bob, "EMAIL")).isEqualTo("FAILED#1");
        assertThat(page.accessibilityViolations()).as("the notice view").isEmpty();

        page.openResendDialog();
        assertThat(page.accessibilityViolations()).as("the resend dialog").isEmpty();
        JsonNode options = api.ok(api.get("/api/notices/" + notice + "/resend-options"), 200);
        for (String scope : SCOPES) {
            assertThat(page.scopeCount(scope)).as(scope).isEqualTo(option(options, scope).get("recipients").asInt());
        }
        assertThat(page.scopeChosen("FAILED_ONLY")).as("recommended, preselected").isTrue();
        assertThat(page.scopeEnabled("SELECTED")).as("nobody ticked yet").isFalse();
        page.pressEscape();
        assertThat(page.focusedTestId()).as("focus returns to the button").isEqualTo("resend-button");

        page.tickWithMouse(alice);
        page.tickWithKeyboard(eve);
        assertThat(page.isTicked(eve)).as("space ticks a focused checkbox").isTrue();
        // From here to the success message, the keyboard alone: Enter opens, Tab and arrows choose, Enter resends.
        page.openResendDialogWithKeyboard();
        JsonNode selected = api.ok(api.get("/api/notices/" + notice + "/resend-options?selected=" + alice + "," + eve), 200);
        assertThat(page.scopeEnabled("SELECTED")).isTrue();
        assertThat(page.scopeCount("SELECTED")).as("only Eve of the two has a failure")
                .isEqualTo(option(selected, "SELECTED").get("recipients").asInt()).isEqualTo(1);
        for (String scope : List.of("FAILED_ONLY", "ALL_UNDELIVERED")) {
            assertThat(page.scopeCount(scope)).as(scope).isEqualTo(option(selected, scope).get("recipients").asInt());
        }
        JsonNode failedOnly = option(selected, "FAILED_ONLY");
        assertThat(page.scopeChosen("FAILED_ONLY")).isTrue();
        assertThat(page.dialogText()).as("the addresses that failed before are pointed out")
                .contains(failedOnly.get("addressUnchanged").asInt() + " still ha");
        Path dialog = page.screenshot("resend-dialog");
        assertThat(page.tabTo("scope-FAILED_ONLY", 4)).as("Tab reaches the chosen scope").isTrue();
        page.press(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(page.scopeChosen("ALL_UNDELIVERED")).as("an arrow chooses the next scope").isTrue();
        page.press(org.openqa.selenium.Keys.ARROW_UP);
        assertThat(page.scopeChosen("FAILED_ONLY")).as("and back").isTrue();
        assertThat(page.tabTo("resend-submit", 6)).as("Tab reaches the dialog's Resend button").isTrue();

        String message = page.resendWithEnter();
        assertThat(message).isEqualTo("Resending " + failedOnly.get("emails").asInt() + " emails and "
                + failedOnly.get("sms").asInt() + " SMS.").isEqualTo("Resending 2 emails and 2 SMS.");
        page.screenshot("resend-accepted");
        assertThat(page.accessibilityViolations()).as("the success message").isEmpty();

        // No reload from here on: the event stream brings every change.
        Runnable explain = () -> System.out.println("[web] the API says: " + api.get("/api/notices/" + notice + "/recipients?size=200").raw());
        page.waitLive("email statistics", explain,
                () -> page.stat("email", "delivered") == 4 && page.stat("email", "failed") == 1);
        page.waitLive("Bob's fixed email", explain, () -> page.channel(bob, "EMAIL").equals("DELIVERED#2"));
        page.waitLive("a FULL history row", explain, () -> page.historyRows().size() == 1
                && page.historyRows().get(0).getDomAttribute("data-type").equals("FULL"));
        page.waitLive("Eve's SMS failing again", explain, () -> page.channel(eve, "SMS").equals("FAILED#2"));
        assertThat(page.noticeStatus()).as("Carol and Eve still fail").isEqualTo("PARTIALLY_FAILED");
        Path detail = page.fullPageScreenshot("notice-detail");

        page.switchLanguage();
        page.waitUntil(NoticePage.LIVE, d -> page.historyRows().size() == 1
                && page.historyRows().get(0).getText().contains("Complet"));
        assertThat(page.text("resend-button")).as("Carol and Eve can be resent again").isEqualTo("Renvoyer les échecs");
        assertThat(page.noticeStatusLabel()).isEqualTo("Échec partiel");
        page.screenshot("notice-detail-fr");
        assertThat(page.accessibilityViolations()).as("the notice view in French").isEmpty();

        NoticePage.publish(detail, "notice-detail.png");
        NoticePage.publish(dialog, "resend-dialog.png");
    }

    @Test
    void aDraftHasNoResendButtonAndTheLabelsSwitchToFrench() {
        Journey journey = new Journey().withTheUsualMix();
        String draft = journey.draft(null);
        Api api = journey.api;

        page.signInWith(api.token());
        page.openNotice(draft);
        assertThat(page.noticeStatus()).isEqualTo("DRAFT");
        assertThat(page.noticeStatusLabel()).isEqualTo("Draft");
        assertThat(page.hasResendButton()).as("a draft was never sent, so it can never be resent").isFalse();
        assertThat(page.text("send-now")).isEqualTo("Send now");

        page.switchLanguage();
        page.waitUntil(NoticePage.LIVE, d -> page.noticeStatusLabel().equals("Brouillon"));
        assertThat(page.text("send-now")).isEqualTo("Envoyer maintenant");
        assertThat(page.text("lang-switch")).isEqualTo("English");
        page.screenshot("draft-in-french");

        browser.navigate().refresh();
        page.waitUntil(NoticePage.LIVE, d -> page.noticeStatusLabel().equals("Brouillon"));
        assertThat(page.text("send-now")).as("the choice is remembered").isEqualTo("Envoyer maintenant");
        assertThat(page.hasResendButton()).isFalse();
    }
}
