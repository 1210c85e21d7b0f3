package com.propty.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * "What each resend did" in the browser: a history row opens the resend's detail, which lists every target with the
 * address used and that attempt's outcome as the API says, filters by outcome and downloads the CSV.
 */
class ResendDetailPageTest {

    private static WebDriver browser;
    private static String gateway;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.sharedOrSkip();
        gateway = RunningPlatform.get().settings().gatewayUrl();
    }

    @Test
    void aHistoryRowOpensWhatThatResendDidFilteredByOutcome() {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        Api api = journey.api;
        // Bob's address is fixed, so his email is delivered this time; Carol's and Eve's fail again
        api.ok(api.patch("/api/residents/" + journey.id("Bob"), Map.of("email", journey.email("bob", "example.com"))), 200);
        String resend = journey.resendFailuresSettled(notice);
        JsonNode targets = api.ok(api.get("/api/notices/" + notice + "/resends/" + resend + "/targets"), 200);
        Map<String, String> expected = new TreeMap<>();
        targets.get("items").forEach(t -> expected.put(t.get("recipientId").asString() + ":" + t.get("channel").asString(),
                t.get("outcome").get("status").asString()));
        assertThat(expected).containsEntry(journey.id("Bob") + ":EMAIL", "DELIVERED")
                .containsEntry(journey.id("Eve") + ":SMS", "FAILED").hasSize(4);

        NoticePage page = new NoticePage(browser, gateway);
        page.reset();
        page.signInWith(api.token());
        page.openNotice(notice);
        page.waitUntil(NoticePage.LIVE, ExpectedConditions.elementToBeClickable(NoticePage.testId("history-detail-link")))
                .click();
        page.waitUntil(NoticePage.LIVE, d -> rows().size() == 4);
        assertThat(shown()).isEqualTo(expected);
        assertThat(page.accessibilityViolations()).as("a resend's detail").isEmpty();
        page.waitUntil(NoticePage.LIVE, d -> row(journey.id("Carol"), "EMAIL").getText().contains("Carol"));
        WebElement eve = row(journey.id("Eve"), "SMS");
        assertThat(eve.getText()).as("the address used and the error").contains("+15550200005").contains("Unreachable");
        assertThat(page.text("resend-summary")).contains("Full").contains("User manager-" + journey.property);

        choose("FAILED");
        page.waitUntil(NoticePage.LIVE, d -> rows().size() == 3
                && rows().stream().allMatch(r -> "FAILED".equals(r.getDomAttribute("data-status"))));

        // What the download button fetches, fetched here by the page itself: clicking it would start a real download,
        // after which chromedriver's next navigation (the next test's sign-out) hung until its 180 s timeout.
        assertThat(page.text("export-targets")).isEqualTo("Download CSV");
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('propty.token')}})"
                + ".then((r) => r.text()).then(done, (e) => done(String(e)));",
                "/api/notices/" + notice + "/resends/" + resend + "/targets.csv?status=FAILED");
        String[] lines = csv.split("\r?\n"); // the driver hands strings back with line feeds only
        assertThat(lines).as(csv).hasSize(4);
        assertThat(lines[0]).startsWith("\"recipientId\",\"channel\"");
        assertThat(csv).contains("+15550200005").contains("UNREACHABLE");
        page.screenshot("resend-detail");

        page.switchLanguage();
        page.waitUntil(NoticePage.LIVE, d -> d.findElement(By.tagName("h1")).getText().startsWith("Renvoi du"));
        assertThat(page.text("export-targets")).isEqualTo("Télécharger en CSV");
        browser.findElement(NoticePage.testId("back-to-notice")).click();
        page.waitUntil(NoticePage.LIVE, ExpectedConditions.presenceOfElementLocated(NoticePage.testId("history-row")));
    }

    private static java.util.List<WebElement> rows() {
        return browser.findElements(NoticePage.testId("target-row"));
    }

    private static Map<String, String> shown() {
        Map<String, String> shown = new TreeMap<>();
        rows().forEach(r -> shown.put(r.getDomAttribute("data-recipient-id") + ":" + r.getDomAttribute("data-channel"),
                r.getDomAttribute("data-status")));
        return shown;
    }

    private static WebElement row(String recipientId, String channel) {
        return browser.findElement(By.cssSelector("[data-testid='target-row'][data-recipient-id='" + recipientId
                + "'][data-channel='" + channel + "']"));
    }

    private static void choose(String outcome) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(NoticePage.testId("filter-outcome")))
                .selectByValue(outcome);
    }
}
