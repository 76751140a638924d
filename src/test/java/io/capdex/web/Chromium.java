package io.capdex.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and its chromedriver for the browser tests: found at fixed paths (or the PATH, or
 * {@code -Dcapdex.chromium=} / {@code -Dcapdex.chromedriver=}), never downloaded by Selenium Manager. Missing
 * pieces skip the tests with a message, or fail them when the environment variable {@code CI} is set.
 */
final class Chromium {
    /** The viewport the issue fixes for the layout checks and screenshots. */
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    private Chromium() {
    }

    /** Whether the environment says this is a CI run, where a skipped browser test would hide a failure. */
    static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Skips the calling test with {@code message}, or fails it under CI. */
    static void skipOrFail(String message) {
        if (onCi()) {
            fail(message + " (CI is set, so the browser tests must run: .ci/run installs what they need)");
        }
        Assumptions.abort(message);
    }

    /** Starts a headless Chromium, or skips/fails the caller when the browser or its driver is missing. */
    static ChromeDriver start() {
        Optional<Path> browser = find("capdex.chromium", "/usr/bin/chromium", "chromium", "chromium-browser");
        Optional<Path> driver = find("capdex.chromedriver", "/usr/bin/chromedriver", "chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            skipOrFail("Chromium " + (browser.isEmpty() ? "(chromium) " : "") + (driver.isEmpty() ? "and its driver (chromedriver) " : "")
                    + "not found: skipping the browser tests. On Debian/Ubuntu: apt-get install chromium chromium-driver"
                    + " (or point -Dcapdex.chromium=/path and -Dcapdex.chromedriver=/path at them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--lang=en-GB");
        // An alert() would be the XSS; the tests look for it themselves instead of letting the driver dismiss it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static Optional<Path> find(String property, String debianPath, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(debianPath));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : names) {
                    candidates.add(Path.of(dir, name));
                    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                        candidates.add(Path.of(dir, name + ".exe"));
                    }
                }
            }
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
