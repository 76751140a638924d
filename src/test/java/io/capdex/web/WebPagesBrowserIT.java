package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' pages in a real browser (issue #7's proof): Debian's headless Chromium drives the search and
 * interview pages served by an in-process {@link WebServer} over the ingested samples. Screenshots of both pages
 * at 1366×768 go to target/screenshots/.
 */
class WebPagesBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String WARNING_WORDS = "cannot guarantee the accuracy";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir static Path shared;
    private static ChromeDriver chrome;
    private static WebServer server;
    private static URI base;

    @BeforeAll
    static void startBrowserAndServer() throws IOException {
        chrome = Chromium.start(); // first, so a machine without Chromium skips before the ingest
        Path data = shared.resolve("data");
        // A caption-only interview (no video) beside the three samples: the page must work without a player.
        Path extra = Files.createDirectories(shared.resolve("extra"));
        Files.copy(Path.of("samples", "cart-therapy.en.srt"), extra.resolve("captions-only.en.srt"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--data", data.toString(), "ingest", "samples", extra.toString());
        assertEquals(0, code, "ingest of the samples failed:\n" + err);
        server = WebServer.start(ServeOptions.defaults(data).withPort(0));
        base = server.uri();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        try {
            if (chrome != null) {
                chrome.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void startFresh() {
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(Chromium.WIDTH, Chromium.HEIGHT));
    }

    @Test
    void clickingAMomentPlaysTheVideoThereWithTheWarningCaptionsShowing() throws Exception {
        JsonNode api = api("/api/search?q=remission");
        JsonNode result = api.get("results").get(0);
        JsonNode moment = result.get("moments").get(0);
        long startMs = moment.get("startMs").asLong();

        open("/?q=remission");
        WebElement first = waitFor(d -> d.findElement(By.cssSelector("#results .result .moment a.timecode")));
        first.click();

        waitFor(d -> d.getCurrentUrl().contains("/interviews/" + result.get("interview").asText()));
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && v.readyState >= 1 && !v.seeking && v.currentTime > 0;"));
        double at = ((Number) js("return document.getElementById('video').currentTime;")).doubleValue();
        assertTrue(Math.abs(at - startMs / 1000.0) <= 1.0,
                "the player is at " + at + " s, the moment starts at " + startMs + " ms");
        waitFor(d -> js("return !document.getElementById('video').paused;"));

        // The caption track of the moment's language is showing, and the server stamped it with the warning.
        String lang = moment.get("lang").asText();
        waitFor(d -> js("const t = [...document.getElementById('video').textTracks].find(t => t.mode === 'showing');"
                + " return t && t.cues && t.cues.length > 0;"));
        String showing = (String) js("return [...document.getElementById('video').textTracks]"
                + ".find(t => t.mode === 'showing').language;");
        assertEquals(lang, showing);
        String cues = (String) js("return [...[...document.getElementById('video').textTracks]"
                + ".find(t => t.mode === 'showing').cues].map(c => c.text).join(' ').replace(/\\s+/g, ' ');");
        assertTrue(cues.contains(WARNING_WORDS), "the showing caption track carries the AI warning cues (split over several cues): " + cues);
        assertEquals(2L, js("return document.querySelectorAll('#video track[kind=captions]').length;"),
                "one caption <track> per language (en, es)");
        assertEquals(2L, js("return new Set([...document.querySelectorAll('#video track')].map(t => t.srclang)).size;"));

        WebElement banner = chrome.findElement(By.id("warning"));
        assertTrue(banner.isDisplayed() && banner.getText().contains(WARNING_WORDS), banner.getText());
        // The transcript line playing is lit: the last one starting at or before the player's time. The video
        // plays on while the checks above run (seconds on a loaded machine), so compare with the time at which
        // it is paused rather than with the moment's start.
        js("document.getElementById('video').pause();");
        double now = ((Number) js("return document.getElementById('video').currentTime;")).doubleValue();
        assertTrue(now - startMs / 1000.0 > -1.0, "the player went back before the moment: " + now);
        String activeHref = waitFor(d -> (String) js("const a = document.querySelector('#transcript .line.active');"
                + " if (!a) return null; const t = parseFloat(new URLSearchParams(a.search).get('t'));"
                + " return t <= " + (now + 0.1) + " ? a.getAttribute('href') : null;"));
        String nextHref = (String) js("const a = document.querySelector('#transcript .line.active');"
                + " const all = [...document.querySelectorAll('#transcript .line')];"
                + " const n = all[all.indexOf(a) + 1]; return n ? n.getAttribute('href') : null;");
        if (nextHref != null) {
            assertTrue(Double.parseDouble(param(nextHref, "t")) > now - 0.1,
                    "the lit line " + activeHref + " is the last one started at " + now + " s, not " + nextHref);
        }
    }

    @Test
    void aDeepLinkSeeksOnLoadAndShowsThatLanguage() {
        open("/interviews/cart-therapy?t=30.5&lang=en");
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && v.readyState >= 1 && !v.seeking && Math.abs(v.currentTime - 30.5) < 1;"));
        assertEquals("en", js("return [...document.getElementById('video').textTracks]"
                + ".find(t => t.mode === 'showing').language;"));
        assertEquals("en", chrome.findElement(By.id("transcript-lang")).getAttribute("value"));
        assertEquals(2L, js("return document.querySelectorAll('#video track').length;"), "es and en tracks");
    }

    @Test
    void xssCuesRenderAsTextAndNeverRun() {
        open("/?q=alert");
        WebElement snippet = waitFor(d -> d.findElement(By.cssSelector("#results .snippet")));
        assertTrue(snippet.getText().contains("<script>alert(1)</script>"), snippet.getText());
        assertTrue(snippet.getText().contains("<img src=x onerror=alert(2)>"), snippet.getText());
        assertEquals(2, snippet.findElements(By.tagName("mark")).size(), "both 'alert' words are highlighted");
        assertNoDialogAndNoInjectedElements();

        chrome.findElement(By.cssSelector("#results a.timecode")).click();
        waitFor(d -> js("return document.querySelectorAll('#transcript .line').length > 0;"));
        String transcript = chrome.findElement(By.id("transcript")).getText();
        assertTrue(transcript.contains("<script>alert(1)</script>"), transcript);
        assertTrue(transcript.contains("<img src=x onerror=alert(2)>"), transcript);
        // The find-in-interview hit list shows the same cue through the snippet renderer.
        waitFor(d -> js("return document.querySelectorAll('#find-hits .hit').length > 0;"));
        assertTrue(chrome.findElement(By.id("find-hits")).getText().contains("<script>alert(1)</script>"));
        assertNoDialogAndNoInjectedElements();
    }

    @Test
    void theTranscriptFollowsPlaybackWithoutStealingFocus() {
        open("/interviews/all-remission");
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && v.readyState >= 1 && document.querySelectorAll('#transcript .line').length > 10;"));
        WebElement find = chrome.findElement(By.id("find"));
        find.click();
        js("document.getElementById('video').pause(); document.getElementById('video').currentTime = 20;");
        String early = waitFor(d -> activeLineCoveringNow());
        js("document.getElementById('video').currentTime = 75;");
        String late = waitFor(d -> {
            String now = activeLineCoveringNow();
            return now != null && !now.equals(early) ? now : null;
        });
        assertNotEquals(early, late);
        assertEquals("find", js("return document.activeElement.id;"), "following playback does not move focus");
        assertEquals(Boolean.TRUE, js("const box = document.getElementById('transcript').getBoundingClientRect();"
                + " const r = document.querySelector('#transcript .line.active').getBoundingClientRect();"
                + " return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;"),
                "the active line was scrolled into view inside the transcript box");

        // Playing moves the highlight by itself.
        js("document.getElementById('video').currentTime = 8.5; document.getElementById('video').play();");
        waitFor(d -> js("return document.getElementById('video').currentTime > 15;"));
        String playing = waitFor(d -> activeLineCoveringNow());
        assertTrue(Double.parseDouble(param(playing, "t")) > 8.5, playing);
        js("document.getElementById('video').pause();");
    }

    /** The active line's href when it is the last line starting at or before the playhead, else null. */
    private static String activeLineCoveringNow() {
        return (String) js("const v = document.getElementById('video');"
                + " const lines = [...document.querySelectorAll('#transcript .line')];"
                + " const starts = lines.map(l => parseFloat(new URLSearchParams(l.getAttribute('href').slice(1)).get('t')));"
                + " let want = -1; starts.forEach((s, i) => { if (s <= v.currentTime + 0.01) want = i; });"
                + " const active = document.querySelector('#transcript .line.active');"
                + " return active && lines.indexOf(active) === want ? active.getAttribute('href') : null;");
    }

    @Test
    void clickingATranscriptLineSeeksAndPlays() {
        open("/interviews/stem-cell-donor");
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && v.readyState >= 1 && document.querySelectorAll('#transcript .line').length > 5;"));
        WebElement line = chrome.findElements(By.cssSelector("#transcript .line")).get(5);
        double start = Double.parseDouble(param(line.getAttribute("href"), "t"));
        line.click();
        waitFor(d -> js("const v = document.getElementById('video'); return !v.paused && !v.seeking;"));
        double at = ((Number) js("return document.getElementById('video').currentTime;")).doubleValue();
        assertTrue(at >= start - 0.05 && at < start + 1.5, "playing from " + start + " s, at " + at);
        assertTrue(line.getAttribute("class").contains("active"));
        assertTrue(chrome.getCurrentUrl().contains("t=" + param(line.getAttribute("href"), "t")),
                "the address bar now links to that moment: " + chrome.getCurrentUrl());
        js("document.getElementById('video').pause();");
    }

    @Test
    void facetsFilterAreRemovableAndLiveInTheUrl() {
        open("/?q=remission");
        waitFor(d -> d.findElement(By.cssSelector("#results .moment")));
        assertTrue(badges().stream().anyMatch(b -> b.startsWith("EN")) && badges().stream().anyMatch(b -> b.startsWith("ES")),
                "unfiltered results have English and Spanish moments: " + badges());

        chrome.findElement(By.cssSelector("button.facet[data-facet=lang][data-value=es]")).click();
        waitFor(d -> d.getCurrentUrl().contains("lang=es") && !d.findElements(By.cssSelector("button.chip")).isEmpty());
        waitFor(d -> !badges().isEmpty() && badges().stream().allMatch(b -> b.startsWith("ES")));
        assertEquals("true", chrome.findElement(By.cssSelector("button.facet[data-facet=lang][data-value=es]"))
                .getAttribute("aria-pressed"));
        assertTrue(chrome.findElement(By.cssSelector("button.chip")).getText().contains("Spanish"));

        // A second filter narrows further: only the machine translation.
        chrome.findElement(By.cssSelector("button.facet[data-facet=source][data-value=mt]")).click();
        waitFor(d -> d.getCurrentUrl().contains("source=mt"));
        waitFor(d -> !badges().isEmpty() && badges().stream().allMatch(b -> b.startsWith("ES · AI translation")));

        // Back goes to the previous filters; removing the chip drops the language again.
        chrome.navigate().back();
        waitFor(d -> !d.getCurrentUrl().contains("source=mt") && badges().stream().anyMatch(b -> !b.contains("translation")));
        chrome.findElement(By.cssSelector("button.chip[data-remove=lang]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("lang=") && badges().stream().anyMatch(b -> b.startsWith("EN")));

        // A shared link restores the form, the toggle and the filters.
        open("/?q=look%20emia&soundsLike=true&speaker=Dr%20Anahit%20Hakobyan");
        waitFor(d -> d.findElement(By.cssSelector("button.chip[data-remove=speaker]")));
        assertEquals("look emia", chrome.findElement(By.id("q")).getAttribute("value"));
        assertTrue(chrome.findElement(By.id("sounds-like")).isSelected());
        String status = waitFor(d -> {
            String s = d.findElement(By.id("status")).getText();
            return s.contains("match") ? s : null;
        });
        assertTrue(status.startsWith("1 interview"), status);
    }

    private static List<String> badges() {
        return chrome.findElements(By.cssSelector("#results .moment .badge")).stream().map(WebElement::getText)
                .collect(Collectors.toList());
    }

    @Test
    void keyboardAloneSearchesOpensAMomentAndPlaysIt() {
        open("/");
        Actions keys = new Actions(chrome);
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", js("return document.activeElement.className;"), "the first Tab reaches the skip link");
        assertEquals(Boolean.TRUE, js("return document.activeElement.getBoundingClientRect().top >= 0;"),
                "the focused skip link is on screen");
        tabUntil("document.activeElement.id === 'q'", 10);
        keys.sendKeys("\"stem cell donor\"").sendKeys(Keys.ENTER).perform();
        waitFor(d -> d.findElement(By.cssSelector("#results .moment a.timecode")));
        tabUntil("document.activeElement.classList.contains('timecode')", 60);
        String outline = (String) js("return getComputedStyle(document.activeElement).outlineStyle;");
        assertNotEquals("none", outline, "the focused moment link shows a focus ring");
        String href = (String) js("return document.activeElement.getAttribute('href');");
        keys.sendKeys(Keys.ENTER).perform();

        waitFor(d -> d.getCurrentUrl().contains("/interviews/stem-cell-donor"));
        double t = Double.parseDouble(param(href, "t"));
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && !v.paused && Math.abs(v.currentTime - " + t + ") < 2;"));
        js("document.getElementById('video').pause();");

        // On the interview page, Tab reaches a transcript line and Enter plays from it.
        tabUntil("document.activeElement.classList.contains('line')", 80);
        String lineHref = (String) js("return document.activeElement.getAttribute('href');");
        keys.sendKeys(Keys.ENTER).perform();
        double lineT = Double.parseDouble(param(lineHref, "t"));
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return !v.paused && v.currentTime >= " + (lineT - 0.05) + " && v.currentTime < " + (lineT + 2) + ";"));
        js("document.getElementById('video').pause();");
    }

    @Test
    void aCaptionOnlyInterviewShowsTheTranscriptWithoutAPlayer() {
        open("/interviews/captions-only");
        waitFor(d -> js("return document.querySelectorAll('#transcript .line').length > 5;"));
        assertEquals(0L, js("return document.querySelectorAll('video').length;"));
        assertTrue(chrome.findElement(By.id("warning")).isDisplayed(), "AI captions shown, so the warning is up");
        WebElement line = chrome.findElements(By.cssSelector("#transcript .line")).get(3);
        line.click();
        waitFor(d -> line.getAttribute("class").contains("active"));
        assertTrue(chrome.getCurrentUrl().contains("t="), chrome.getCurrentUrl());
    }

    @Test
    void bothPagesFitA1366WideWindowAndAreSavedAsScreenshots() throws IOException {
        open("/?q=leukaemia");
        waitFor(d -> d.findElement(By.cssSelector("#results .result img")));
        waitFor(d -> js("return [...document.querySelectorAll('#results img')].every(i => i.complete && i.naturalWidth > 0);"));
        assertNoHorizontalScroll("search");
        screenshot("search.png");

        open("/interviews/all-remission?t=14.4");
        waitFor(d -> js("const v = document.getElementById('video');"
                + " return v && v.readyState >= 2 && document.querySelector('#transcript .line.active');"));
        js("document.getElementById('video').pause();");
        assertNoHorizontalScroll("interview");
        screenshot("interview.png");
    }

    @Test
    void axeReportsNoSeriousOrCriticalViolations() throws IOException {
        String axe = Axe.script();
        open("/?q=remission&lang=en");
        waitFor(d -> d.findElement(By.cssSelector("#results .moment")));
        List<Axe.Violation> search = Axe.run(chrome, axe);

        open("/interviews/all-remission?t=14.4&q=remission");
        waitFor(d -> js("return document.querySelectorAll('#find-hits .hit').length > 0"
                + " && !!document.querySelector('#transcript .line.active');"));
        js("document.getElementById('video').pause();");
        List<Axe.Violation> interview = Axe.run(chrome, axe);

        Files.writeString(SCREENSHOTS.resolve("axe.txt"), "search page:\n" + lines(search) + "\ninterview page:\n"
                + lines(interview), StandardCharsets.UTF_8);
        assertEquals(List.of(), search.stream().filter(Axe.Violation::seriousOrWorse).toList(), "search page");
        assertEquals(List.of(), interview.stream().filter(Axe.Violation::seriousOrWorse).toList(), "interview page");
    }

    @Test
    void thePagesBreakNoContentSecurityPolicyRule() {
        chrome.manage().logs().get(LogType.BROWSER); // drop what earlier tests left
        open("/?q=remission");
        waitFor(d -> d.findElement(By.cssSelector("#results .moment")));
        open("/interviews/all-remission");
        waitFor(d -> js("return document.querySelectorAll('#transcript .line').length > 0;"));
        List<String> problems = chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
        assertEquals(List.of(), problems, "the browser console reports no CSP violation or script error");
    }

    private static String lines(List<Axe.Violation> violations) {
        return violations.isEmpty() ? "  none\n"
                : violations.stream().map(v -> "  " + v + "\n").collect(Collectors.joining());
    }

    private static void assertNoHorizontalScroll(String page) {
        assertEquals(Chromium.WIDTH, ((Number) js("return window.outerWidth;")).intValue(), "window width");
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        long viewport = ((Number) js("return document.documentElement.clientWidth;")).longValue();
        assertTrue(scrollWidth <= viewport, page + " page scrolls sideways: content " + scrollWidth
                + " px wide in a " + viewport + " px viewport");
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = chrome.getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= Chromium.WIDTH - 20, "screenshot width " + image.getWidth());
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private static void assertNoDialogAndNoInjectedElements() {
        assertThrows(NoAlertPresentException.class, () -> chrome.switchTo().alert(), "an alert() ran: XSS");
        assertEquals(0L, js("return document.querySelectorAll('img[src=\"x\"], main script, #results script,"
                + " #transcript script, #transcript img').length;"), "caption text became elements");
    }

    private static void tabUntil(String condition, int maxTabs) {
        Actions keys = new Actions(chrome);
        for (int i = 0; i < maxTabs; i++) {
            if (Boolean.TRUE.equals(js("return " + condition + ";"))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(Boolean.TRUE, js("return " + condition + ";"), "not reached with " + maxTabs + " Tabs: "
                + condition + "; focus is on " + js("return document.activeElement.outerHTML.slice(0, 200);"));
    }

    private static void open(String path) {
        chrome.get(base.resolve(path).toString());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) chrome).executeScript(script);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(chrome, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static String param(String href, String name) {
        String query = href.substring(href.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + href);
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
