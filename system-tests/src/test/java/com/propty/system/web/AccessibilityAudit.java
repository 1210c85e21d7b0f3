package com.propty.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the {@code org.webjars.npm:axe-core} jar) run in the page as it is now: the violations a browser test
 * must not leave, those of impact serious or critical (WCAG 2 A and AA rules), each as "rule: what, where".
 */
final class AccessibilityAudit {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String script;

    private AccessibilityAudit() {
    }

    /** The serious and critical violations of the page (or of the open dialog and what is behind it). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(axe());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                        resultTypes: ['violations']})
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, help: v.help,
                                    nodes: v.nodes.map(n => n.target.join(' ') + ' (' + (n.failureSummary || '')
                                        .replace(/\\s+/g, ' ').trim() + ')')}))))
                    .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
                """);
        List<String> violations = new ArrayList<>();
        for (Object v : (List<Object>) result) {
            Map<String, Object> violation = (Map<String, Object>) v;
            violations.add(violation.get("id") + ": " + violation.get("help") + " — " + violation.get("nodes"));
        }
        return violations;
    }

    private static synchronized String axe() {
        if (script == null) {
            try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE + " is not on the test classpath");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
