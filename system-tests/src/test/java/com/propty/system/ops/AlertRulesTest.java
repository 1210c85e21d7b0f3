package com.propty.system.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the Prometheus configuration as Prometheus itself reads them, with Debian's {@code promtool}
 * ({@code apt-get install prometheus}; {@code .ci/run} installs it). Skipped where promtool is not installed.
 */
class AlertRulesTest {

    static final Path PROMETHEUS = Path.of("../ops/prometheus").toAbsolutePath().normalize();

    @BeforeAll
    static void promtoolIsInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool not installed (apt-get install prometheus)");
    }

    @Test
    void theRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).startsWith("0\n").contains("SUCCESS: 5 rules found");
    }

    @Test
    void theRulesFireAsTheirUnitTestsExpect() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yml")).startsWith("0\n").contains("SUCCESS");
    }

    @Test
    void theScrapeConfigIsValidAndLoadsTheRules() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).startsWith("0\n").contains("1 rule files found");
    }

    /** The exit code, a newline, then what promtool printed. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("obs-promtool", ".log");
        try {
            Process process = new ProcessBuilder(concat("/usr/bin/promtool", args)).directory(PROMETHEUS.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            return process.exitValue() + "\n" + Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> concat(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(rest)).toList();
    }
}
