package com.propty.system.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds personal data and secrets in logs (Standards: logs never print full email addresses, phone numbers, tokens
 * or secrets). A masked address ({@code b***@example.com}, {@code ***0123}) is fine; a full one is a finding.
 */
public final class LogScan {

    /** A full email: a local part that is not a mask, an {@code @}, a domain. */
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+*-])[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-]@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** An E.164 phone number. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w*])\\+[1-9]\\d{9,14}(?!\\d)");
    /** A JWT: three base64url parts, the first one a JSON header. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    /** The local platform's secrets (application-local.yml defaults): none may appear in a log. */
    static final List<String> LOCAL_SECRETS = List.of("SG.local-key", "local-twilio-auth-token",
            "local-dev-secret-change-me-0123456789abcdef-local");

    /** Not personal data: the sender address of the notices. */
    private static final Set<String> ALLOWED = Set.of("notices@propty.example");

    public record Finding(Path file, int line, String kind, String text) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " " + kind + " " + text;
        }
    }

    private LogScan() {
    }

    /** Every finding in the {@code *.log*} files under {@code dir} (a platform's {@code logs} directory, not its data). */
    public static List<Finding> scan(Path dir) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(".log")).sorted().toList()) {
                // leniently: a hostile request may have put bytes that are not UTF-8 into a log line
                List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    findings.addAll(scan(file, i + 1, lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    static List<Finding> scan(Path file, int number, String line) {
        List<Finding> findings = new ArrayList<>();
        Matcher email = EMAIL.matcher(line);
        while (email.find()) {
            if (!ALLOWED.contains(email.group())) {
                findings.add(new Finding(file, number, "email", email.group()));
            }
        }
        Matcher phone = PHONE.matcher(line);
        while (phone.find()) {
            findings.add(new Finding(file, number, "phone", phone.group()));
        }
        Matcher jwt = JWT.matcher(line);
        while (jwt.find()) {
            findings.add(new Finding(file, number, "token", jwt.group().substring(0, 12) + "…"));
        }
        for (String secret : LOCAL_SECRETS) {
            if (line.contains(secret)) {
                findings.add(new Finding(file, number, "secret", secret.substring(0, 4) + "…"));
            }
        }
        return findings;
    }
}
