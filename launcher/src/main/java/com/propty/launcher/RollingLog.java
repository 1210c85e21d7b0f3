package com.propty.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A process's output written to {@code <name>.log}, rotated to {@code <name>.log.1 … .N} when it reaches its size cap,
 * so one process's logs never take more than {@code maxBytes × (keep + 1)} however long the platform runs. Every
 * process's output passes through here whatever logging library it uses (Kafka's, the store's, Boot's).
 */
final class RollingLog {

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    RollingLog(Path file, long maxBytes, int keep) {
        if (maxBytes <= 0 || keep < 0) {
            throw new IllegalArgumentException("maxBytes must be positive and keep not negative");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /** Copies {@code in} until it ends (the process exited), rotating as it goes. */
    void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            open();
            int n;
            while ((n = read(in, buffer)) >= 0) {
                write(buffer, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            close();
        }
    }

    /** The process's output ends when it exits, or when the launcher closes the pipe of a killed one: both are EOF. */
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException closed) {
            return -1;
        }
    }

    void write(byte[] bytes, int length) throws IOException {
        if (out == null) {
            open();
        }
        int from = 0;
        while (from < length) {
            if (size >= maxBytes) {
                rotate();
            }
            int chunk = (int) Math.min(length - from, maxBytes - size);
            // Cut at the last line break that fits, so a line is never split across two files unless it alone is
            // larger than the cap.
            int cut = lastNewline(bytes, from, from + chunk);
            if (cut > from && from + chunk < length) {
                chunk = cut - from;
            }
            out.write(bytes, from, chunk);
            out.flush();
            size += chunk;
            from += chunk;
        }
    }

    private static int lastNewline(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        size = 0;
    }

    Path rotated(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    private void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the process has ended; nothing more to write
        }
    }
}
