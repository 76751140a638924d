package io.capdex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine, injected into a page under test. The script comes from the npm registry
 * (src/test/browser/package-lock.json), installed by the build into target/browser; it is read from disk and run
 * through WebDriver, so the page's Content-Security-Policy does not apply to it.
 */
final class Axe {
    static final Path SCRIPT = Path.of(System.getProperty("capdex.axe",
            "target/browser/node_modules/axe-core/axe.min.js"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule broken on a page: its id, impact (minor … critical), help text and the offending elements. */
    record Violation(String id, String impact, String help, List<String> targets) {
        boolean seriousOrWorse() {
            return impact.equals("serious") || impact.equals("critical");
        }

        @Override
        public String toString() {
            return impact + " " + id + ": " + help + " " + targets;
        }
    }

    private Axe() {
    }

    /** The axe-core source, or a skip (a failure under CI) when the build could not install it. */
    static String script() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            Chromium.skipOrFail("axe-core is not installed at " + SCRIPT + ": the build installs it with npm during"
                    + " pre-integration-test (`npm ci` in target/browser, from src/test/browser/package-lock.json);"
                    + " install Node.js with npm and run `./mvnw verify` again");
        }
        return Files.readString(SCRIPT, StandardCharsets.UTF_8);
    }

    /** Runs axe on the current page (WCAG 2.0/2.1 A and AA rules plus best practices) and returns every violation. */
    static List<Violation> run(JavascriptExecutor page, String script) throws IOException {
        page.executeScript(script);
        Object out = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'],"
                        + " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                        + ".then(r => done(JSON.stringify(r.violations)))"
                        + ".catch(e => done('axe failed: ' + e));");
        String text = String.valueOf(out);
        if (!text.startsWith("[")) {
            throw new IllegalStateException(text);
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : v.path("nodes")) {
                targets.add(node.path("target").toString());
            }
            violations.add(new Violation(v.path("id").asText(), v.path("impact").asText("unknown"),
                    v.path("help").asText(), targets));
        }
        return violations;
    }
}
