package com.propty.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingLogTest {

    @TempDir
    Path dir;

    @Test
    void rotatesAtTheCapAndKeepsOnlyTheNewestFiles() throws Exception {
        Path file = dir.resolve("mongo.log");
        String lines = IntStream.range(0, 1000).mapToObj(i -> String.format("line %04d%n", i))
                .collect(Collectors.joining());
        new RollingLog(file, 1000, 2).copy(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
        assertThat(Files.size(dir.resolve("mongo.log.1"))).isLessThanOrEqualTo(1000);
        assertThat(dir.resolve("mongo.log.2")).exists();
        assertThat(dir.resolve("mongo.log.3")).doesNotExist();
        // the newest output is in the current file, every line whole, and nothing between the kept files is missing
        String kept = Files.readString(dir.resolve("mongo.log.2")) + Files.readString(dir.resolve("mongo.log.1"))
                + Files.readString(file);
        assertThat(kept).endsWith("line 0999\n");
        assertThat(lines).endsWith(kept);
        assertThat(kept.lines()).allMatch(l -> l.matches("line \\d{4}"));
    }

    @Test
    void appendsToTheFileOfAnEarlierRunAndCountsItsSize() throws Exception {
        Path file = dir.resolve("gateway.log");
        Files.writeString(file, "x".repeat(900) + "\n");
        new RollingLog(file, 1000, 1).copy(new ByteArrayInputStream("second run\n".repeat(20).getBytes()));

        assertThat(Files.readString(dir.resolve("gateway.log.1"))).startsWith("x".repeat(900));
        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
    }

    @Test
    void aLineLargerThanTheCapIsSplitRatherThanLost() throws Exception {
        Path file = dir.resolve("big.log");
        new RollingLog(file, 100, 3).copy(new ByteArrayInputStream(("y".repeat(250) + "\n").getBytes()));

        String all = Files.readString(dir.resolve("big.log.2")) + Files.readString(dir.resolve("big.log.1"))
                + Files.readString(file);
        assertThat(all).isEqualTo("y".repeat(250) + "\n");
    }
}
