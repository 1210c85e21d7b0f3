package com.propty.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.Api;
import com.propty.system.RunningPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A manager imports a rent roll of a few hundred rows in the browser: the preview says what will happen and changes
 * nothing, the import does exactly that, and the rejected rows are listed with their reasons.
 */
class ResidentImportPageTest {

    private static WebDriver browser;
    private static String gateway;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.sharedOrSkip();
        gateway = RunningPlatform.get().settings().gatewayUrl();
    }

    @Test
    void aRentRollIsPreviewedThenImportedWithItsRejectedRowsReported() throws Exception {
        String property = "import-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = RunningPlatform.api("manager-" + property, property);
        // 300 rows: every 50th has a broken email
        String roll = "Tenant ID,Name,Email,Phone,Unit\n" + IntStream.range(0, 300).mapToObj(i -> String.format(
                "T-%d,Resident %03d,%s,+1514555%04d,%d", i, i, i % 50 == 0 ? "broken-" + i : "r" + i + "@example.com",
                i, 100 + i)).collect(Collectors.joining("\n")) + "\n";
        Path file = Files.createTempFile("rent-roll-", ".csv");
        Files.writeString(file, roll);

        NoticePage page = new NoticePage(browser, gateway);
        page.reset();
        page.signInWith(api.token());
        browser.get(gateway + "/#/properties/" + property + "/residents");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement panel = wait.until(ExpectedConditions.presenceOfElementLocated(NoticePage.testId("import-panel")));
        panel.findElement(By.tagName("summary")).click();
        browser.findElement(NoticePage.testId("import-file")).sendKeys(file.toString());
        browser.findElement(NoticePage.testId("import-preview")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(NoticePage.testId("import-created"), "294"));
        assertThat(text("import-rejected")).contains("6");
        assertThat(browser.findElement(NoticePage.testId("import-rejected-rows")).getText())
                .contains("email").contains("must be a valid email address");
        assertThat(total(api, property)).as("a preview changes nothing").isZero();
        assertThat(page.accessibilityViolations()).as("the residents view with an import preview").isEmpty();

        wait.until(ExpectedConditions.elementToBeClickable(NoticePage.testId("import-submit"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(NoticePage.testId("import-report"), "Imported"));
        assertThat(text("import-created")).contains("294");
        assertThat(total(api, property)).isEqualTo(294);
        wait.until(d -> !d.findElements(NoticePage.testId("resident-row")).isEmpty());

        // the same file again creates nobody twice
        browser.findElement(NoticePage.testId("import-preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(NoticePage.testId("import-unchanged"), "294"));
        assertThat(text("import-created")).startsWith("0 ");
    }

    private static String text(String testId) {
        return browser.findElement(NoticePage.testId(testId)).getText();
    }

    private static int total(Api api, String property) {
        return api.ok(api.get("/api/properties/" + property + "/residents?size=1"), 200).get("totalItems").asInt();
    }
}
