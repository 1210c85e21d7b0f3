package com.propty.system.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver, so Selenium never downloads a browser or a driver (the build machine has no
 * internet). Tests get the browser from {@link #sharedOrSkip()}: skipped without them, failed instead in CI
 * ({@link BrowserRequirement}). With {@code -Dpropty.browser.logs=DIR} chromedriver's verbose log, chromium's log and
 * its net-log (every request, socket and byte count) go to DIR, which is how a hung navigation was traced to a
 * gateway connection that stopped reading (gateway {@code KeepAliveReadResume}).
 */
final class HeadlessChrome {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private static ChromeDriver shared;

    private HeadlessChrome() {
    }

    /** One browser for every browser test of the JVM (a start costs seconds), quit when the JVM ends. */
    static synchronized ChromeDriver shared() {
        if (shared == null) {
            shared = start();
            ChromeDriver browser = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
        }
        return shared;
    }

    /**
     * The shared browser; where chromium or chromedriver is not installed, the calling test class is skipped, or
     * fails where {@code CI=true}.
     */
    static ChromeDriver sharedOrSkip() {
        BrowserRequirement requirement = BrowserRequirement.decide(BROWSER.canExecute(), DRIVER.canExecute(),
                System.getenv("CI"));
        switch (requirement.outcome()) {
            case SKIP -> Assumptions.abort(requirement.reason());
            case FAIL -> throw new AssertionError(requirement.reason());
            case RUN -> { }
        }
        return shared();
    }

    static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("propty-chrome-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000",
                    "--lang=en-US");
            ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER)
                    .usingAnyFreePort();
            String logs = System.getProperty("propty.browser.logs");
            if (logs != null) {
                Path dir = Files.createDirectories(Path.of(logs)).toAbsolutePath();
                builder.withLogFile(dir.resolve("chromedriver.log").toFile()).withVerbose(true);
                options.addArguments("--enable-logging", "--v=1", "--log-file=" + dir.resolve("chrome.log"),
                        "--log-net-log=" + dir.resolve("netlog.json"));
            }
            ChromeDriverService service = builder.build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
