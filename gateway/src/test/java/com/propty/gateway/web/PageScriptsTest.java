package com.propty.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of the web page's pure modules ({@code src/test/js/*.test.mjs}: the SSE parser, the router, token
 * decoding, en/fr label parity, counts, paging, single-flight loading), run with Node's built-in test runner so that
 * {@code mvn verify} runs them. No npm package is needed; where Node is not installed the test is skipped
 * ({@code .ci/run} installs it).
 */
class PageScriptsTest {

    private static final Path SCRIPTS = Path.of("src", "test", "js");

    @Test
    void pageModulesPassTheirNodeTests() throws IOException, InterruptedException {
        assumeTrue(nodeIsInstalled(), "node is not installed: the page's script tests are skipped");
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".test.mjs")).sorted()
                    .forEach(command::add);
        }
        assertFalse(command.size() == 2, "no *.test.mjs in " + SCRIPTS.toAbsolutePath());

        Path report = Files.createTempFile("page-scripts-", ".txt");
        Process node = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(report.toFile()).start();
        boolean ended = node.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly().waitFor();
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        Files.delete(report);
        assertEquals(0, ended ? node.exitValue() : -1, "node --test failed or hung:\n" + output);
    }

    private static boolean nodeIsInstalled() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
