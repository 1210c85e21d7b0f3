package com.propty.system.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver, so Selenium never downloads a browser or a driver (the build machine has no
 * internet). Tests check {@link #isInstalled()} first and are skipped without them.
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

    /** The shared browser; where chromium is not installed, the calling test class is skipped instead. */
    static ChromeDriver sharedOrSkip() {
        org.junit.jupiter.api.Assumptions.assumeTrue(isInstalled(),
                "chromium and chromedriver are not installed in /usr/bin");
        return shared();
    }

    static boolean isInstalled() {
        return BROWSER.canExecute() && DRIVER.canExecute();
    }

    static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("propty-chrome-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER)
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
