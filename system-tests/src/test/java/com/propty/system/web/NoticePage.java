package com.propty.system.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page as a property manager uses it, by its stable {@code data-testid}s. Reads re-find elements every time:
 * the page re-renders parts of itself as live events arrive.
 */
final class NoticePage {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Results travel through Kafka, the provider simulator and its webhooks: allow what the API tests allow. */
    static final Duration LIVE = Duration.ofSeconds(90);
    static final Duration UI = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String gateway;

    NoticePage(WebDriver driver, String gateway) {
        this.driver = driver;
        this.gateway = gateway;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The page's serious and critical accessibility violations as it is now (axe-core; empty is the aim). */
    List<String> accessibilityViolations() {
        return AccessibilityAudit.seriousViolations(driver);
    }

    /** A fresh, signed-out tab in English: the page keeps the token in sessionStorage and the language in localStorage. */
    void reset() {
        driver.get(gateway + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(gateway + "/#/");
        driver.navigate().refresh();
        waitUntil(UI, d -> d.findElement(testId("signin-token")).isDisplayed());
    }

    /** Pastes a token into the sign-in form, as the help page describes for users without single sign-on. */
    void signInWith(String token) {
        WebElement field = waitUntil(UI, ExpectedConditions.visibilityOfElementLocated(testId("signin-token")));
        field.clear();
        field.sendKeys(token);
        driver.findElement(testId("signin-submit")).click();
        waitUntil(UI, ExpectedConditions.invisibilityOfElementLocated(testId("signin-token")));
    }

    void openNotice(String noticeId) {
        driver.get(gateway + "/#/notices/" + noticeId);
        waitUntil(UI, d -> !d.findElement(testId("notice-status")).getDomAttribute("data-status").isEmpty());
    }

    void openSettings(String propertyId) {
        driver.get(gateway + "/#/properties/" + propertyId + "/settings");
        waitUntil(UI, ExpectedConditions.presenceOfElementLocated(testId("settings-time-zone")));
    }

    /** Types into a text field, as a manager would, after clearing it. */
    void type(String testId, String text) {
        WebElement field = waitUntil(UI, ExpectedConditions.visibilityOfElementLocated(testId(testId)));
        field.clear();
        field.sendKeys(text);
    }

    /** The current value of a form field (what the user sees in it). */
    String value(String testId) {
        return read(testId(testId), e -> e.getDomProperty("value"));
    }

    boolean isChecked(String testId) {
        return driver.findElement(testId(testId)).isSelected();
    }

    String noticeStatus() {
        return read(testId("notice-status"), e -> e.getDomAttribute("data-status"));
    }

    String noticeStatusLabel() {
        return read(testId("notice-status"), WebElement::getText);
    }

    boolean hasResendButton() {
        return !driver.findElements(testId("resend-button")).isEmpty();
    }

    WebElement resendButton() {
        return waitUntil(UI, ExpectedConditions.elementToBeClickable(testId("resend-button")));
    }

    /** A counter of a channel card: channel "email" or "sms", counter delivered|sent|pending|failed|skipped. */
    int stat(String channel, String counter) {
        return Integer.parseInt(read(By.cssSelector("[data-testid='stats-" + channel + "'] dd[data-count='" + counter + "']"),
                WebElement::getText).replaceAll("\\D", ""));
    }

    By row(String recipientId) {
        return By.cssSelector("[data-testid='recipient-row'][data-recipient-id='" + recipientId + "']");
    }

    void waitForRecipients() {
        waitUntil(UI, ExpectedConditions.presenceOfElementLocated(testId("recipient-row")));
    }

    /** Status and attempt of one recipient's channel, e.g. "FAILED#1". */
    String channel(String recipientId, String channel) {
        By cell = By.cssSelector("[data-testid='recipient-row'][data-recipient-id='" + recipientId
                + "'] [data-testid='channel-status-" + channel + "']");
        return read(cell, e -> e.getDomAttribute("data-status") + "#" + e.getDomAttribute("data-attempt"));
    }

    void tickWithMouse(String recipientId) {
        driver.findElement(row(recipientId)).findElement(testId("recipient-checkbox")).click();
    }

    /** Ticks a checkbox from the keyboard: focus it and press space, as a keyboard-only user would. */
    void tickWithKeyboard(String recipientId) {
        WebElement box = driver.findElement(row(recipientId)).findElement(testId("recipient-checkbox"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", box);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
    }

    boolean isTicked(String recipientId) {
        return driver.findElement(row(recipientId)).findElement(testId("recipient-checkbox")).isSelected();
    }

    void openResendDialog() {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        resendButton().click();
        awaitDialogCounts();
    }

    /** Opens the dialog from the keyboard: the Resend button focused, Enter. */
    void openResendDialogWithKeyboard() {
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", resendButton());
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        awaitDialogCounts();
    }

    /** Presses a key where the focus is (a keyboard-only user's whole means). */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Tabs forward until the element of {@code testId} has the focus; false after {@code maxTabs} presses. */
    boolean tabTo(String testId, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            if (testId.equals(focusedTestId())) {
                return true;
            }
            press(Keys.TAB);
        }
        return testId.equals(focusedTestId());
    }

    /** Presses Enter on the dialog's focused Resend button and answers the success message. */
    String resendWithEnter() {
        press(Keys.ENTER);
        return waitUntil(UI, ExpectedConditions.visibilityOfElementLocated(testId("resend-success"))).getText();
    }

    private void awaitDialogCounts() {
        waitUntil(UI, ExpectedConditions.visibilityOfElementLocated(testId("resend-dialog")));
        // Counts show "…" until the options arrive.
        waitUntil(UI, d -> List.of("FAILED_ONLY", "ALL_UNDELIVERED", "SELECTED").stream()
                .allMatch(scope -> d.findElement(testId("scope-count-" + scope)).getText().matches("\\d+")));
    }

    int scopeCount(String scope) {
        return Integer.parseInt(read(testId("scope-count-" + scope), WebElement::getText));
    }

    boolean scopeEnabled(String scope) {
        return driver.findElement(testId("scope-" + scope)).isEnabled();
    }

    boolean scopeChosen(String scope) {
        return driver.findElement(testId("scope-" + scope)).isSelected();
    }

    String dialogText() {
        return driver.findElement(testId("resend-dialog")).getText();
    }

    void pressEscape() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitUntil(UI, ExpectedConditions.invisibilityOfElementLocated(testId("resend-dialog")));
    }

    String focusedTestId() {
        return driver.switchTo().activeElement().getDomAttribute("data-testid");
    }

    /** Clicks Resend and answers the success message. */
    String resend() {
        driver.findElement(testId("resend-submit")).click();
        return waitUntil(UI, ExpectedConditions.visibilityOfElementLocated(testId("resend-success"))).getText();
    }

    List<WebElement> historyRows() {
        return driver.findElements(testId("history-row"));
    }

    void switchLanguage() {
        String before = (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
        driver.findElement(testId("lang-switch")).click();
        waitUntil(UI, d -> !before.equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
    }

    /** Clicks the element, found again if a live update re-rendered it between the find and the click. */
    void click(String testId) {
        waitUntil(UI, d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(testId(testId)).apply(d);
            if (element == null) {
                return false;
            }
            element.click(); // a StaleElementReferenceException here is ignored by the wait: found again
            return true;
        });
    }

    String text(String testId) {
        return read(testId(testId), WebElement::getText);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    /**
     * Waits for a live update without reloading. On timeout it saves a screenshot and runs {@code explain} (e.g. print
     * what the API says), so a failure tells whether the page or the platform is behind.
     */
    void waitLive(String what, Runnable explain, BooleanSupplier condition) {
        try {
            waitUntil(LIVE, d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            screenshot("failed-waiting-for-" + what.replaceAll("\\W+", "-"));
            explain.run();
            throw new AssertionError("the page never showed " + what + " within " + LIVE, e);
        }
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page from the top, in a window tall enough for the table and the history (for the README). */
    Path fullPageScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(2400, height + 140)));
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Copies a screenshot to the repository's docs/ folder, where the README shows it. */
    static void publish(Path screenshot, String docName) {
        Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(docs)) {
                Files.copy(screenshot, docs.resolve(docName), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(By locator, Function<WebElement, T> reader) {
        return waitUntil(UI, d -> reader.apply(d.findElement(locator)));
    }
}
