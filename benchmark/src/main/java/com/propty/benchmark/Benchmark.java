package com.propty.benchmark;

import com.propty.launcher.Platform;
import com.propty.launcher.PlatformSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The throughput benchmark behind the README's figures: starts the whole platform on random ports (so it runs beside
 * {@code ./run.sh}), then through the gateway creates N residents, sends them a notice by email and SMS, waits until
 * every channel is final, fixes the failed addresses, resends FAILED_ONLY, and prints a Markdown table with rates,
 * provider call counts, recipients-table latency, CPU time and peak memory per process.
 *
 * <pre>scripts/benchmark.sh [--residents 20000] [--concurrency 16] [--timeout 900] [--env KEY=VALUE]...
 *     [--jvm "OPTIONS"]</pre>
 *
 * The processes run with the options of {@code ./run.sh} ({@link #JVM_OPTIONS}: C1 only, for start-up); measured
 * here, the full JIT made a 3,000-resident run slower, its compiler threads competing with nine JVMs for two cores.
 * {@code --jvm} changes them, e.g. to record a profile: {@code --jvm "... -XX:StartFlightRecording=filename=DIR"}.
 *
 * One resident in ten has an invalid email, another one in ten an invalid phone: 20% of the recipients fail on one
 * channel, which the resend then delivers after their addresses are corrected.
 */
public final class Benchmark {

    static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    private final int residents;
    private final int concurrency;
    private final Duration timeout;
    private final Map<String, String> env;
    private final String jvmOptions;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmark(int residents, int concurrency, Duration timeout, Map<String, String> env, String jvmOptions) {
        this.residents = residents;
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.env = env;
        this.jvmOptions = jvmOptions;
    }

    public static void main(String[] args) throws Exception {
        int residents = 20_000;
        int concurrency = 16;
        long timeoutSeconds = 900;
        Map<String, String> env = new LinkedHashMap<>();
        String jvmOptions = JVM_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--residents" -> residents = Integer.parseInt(args[++i].replace("_", ""));
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--jvm" -> jvmOptions = args[++i];
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    env.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --residents N --concurrency C --timeout SECONDS --env KEY=VALUE --jvm OPTIONS");
            }
        }
        new Benchmark(residents, concurrency, Duration.ofSeconds(timeoutSeconds), env, jvmOptions).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path home = home();
        Path data = Files.createDirectories(home.resolve("benchmark/target/platform-" + System.currentTimeMillis()));
        PlatformSettings settings = PlatformSettings.randomPorts(home, data, env).withJvmOptions(jvmOptions);
        long t = System.nanoTime();
        Platform platform = Platform.start(settings, line -> System.out.println("[platform] " + line));
        Thread hook = new Thread(platform::close);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            double startup = seconds(t);
            log("platform started in %.1f s; logs in %s", startup, data.resolve("logs"));
            Map<String, Long> pids = PlatformProcesses.find();
            log("processes: %s", pids);
            try (ProviderTraffic traffic = new ProviderTraffic(settings.simulatorUrl())) {
                measure(settings, data, pids, traffic);
            }
            printTable(settings, startup, pids, data);
        } finally {
            platform.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void measure(PlatformSettings settings, Path data, Map<String, Long> pids, ProviderTraffic traffic)
            throws Exception {
        String property = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway api = new Gateway(settings.gatewayUrl());
        api.signIn("bench-manager", property);

        // 1. residents
        Map<String, Double> cpu0 = PlatformProcesses.cpuSeconds(pids);
        long t = System.nanoTime();
        String[] ids = new String[residents];
        long[] latencies = parallel(residents, i -> {
            Gateway.Reply reply = api.post("/api/properties/" + property + "/residents", resident(i));
            ids[i] = Gateway.expect(reply, 201).get("id").asString();
            return reply.nanos();
        });
        double createSeconds = seconds(t);
        row("create residents (POST /api/properties/{id}/residents, " + concurrency + " clients)",
                String.format("%,d residents in %.1f s = **%,.0f residents/s** (p50 %.0f ms, p99 %.0f ms per POST)",
                        residents, createSeconds, residents / createSeconds, pct(latencies, 50), pct(latencies, 99)));
        cpuNote("create residents", cpu0, pids, createSeconds);

        // 2. send to all by EMAIL and SMS
        String notice = Gateway.expect(api.post("/api/properties/" + property + "/notices", Map.of(
                "title", "Water shut-off on Monday",
                "body", "Dear residents, the water will be shut off on Monday from 9:00 to 12:00.",
                "smsText", "Water shut-off Monday 9:00-12:00.",
                "channels", List.of("EMAIL", "SMS"))), 201).get("id").asString();
        ProviderTraffic.Counts before = traffic.counts();
        cpu0 = PlatformProcesses.cpuSeconds(pids);
        t = System.nanoTime();
        Gateway.Reply sent = api.post("/api/notices/" + notice + "/send", null);
        Gateway.expect(sent, 202);
        double sendAccepted = seconds(t);
        JsonNode stats = awaitStats(api, notice, t, data, pids,
                s -> s.get("recipients").asLong() == residents && done(s.get("email")) && done(s.get("sms")));
        double sendSeconds = seconds(t);
        ProviderTraffic.Counts sendCalls = traffic.counts().minus(before);
        long channels = 2L * residents;
        row("send a notice to all by EMAIL + SMS (POST …/send → every channel final)",
                String.format("%,d channel deliveries in %.1f s = **%,.0f deliveries/s end to end** (202 in %.0f ms)",
                        channels, sendSeconds, channels / sendSeconds, sendAccepted * 1000));
        row("  outcome", outcome(stats));
        row("  provider calls", String.format("SendGrid: **%,d calls** for %,d email personalizations (%,d answered 400);"
                + " Twilio: %,d calls", sendCalls.sendGridCalls(), sendCalls.emailsInCalls(),
                sendCalls.sendGridRejectedCalls(), sendCalls.twilioCalls()));
        cpuNote("send", cpu0, pids, sendSeconds);

        // 3. the recipients table at N
        for (String query : List.of("status=FAILED&page=0&size=50", "status=FAILED&page=" + (residents / 5 / 50 - 1)
                + "&size=50", "page=0&size=50", "page=" + (residents / 50 - 1) + "&size=50")) {
            long[] ms = new long[10];
            for (int i = 0; i < ms.length; i++) {
                Gateway.Reply reply = api.get("/api/notices/" + notice + "/recipients?" + query);
                Gateway.expect(reply, 200);
                ms[i] = reply.nanos();
            }
            row("recipients table `GET …/recipients?" + query + "`",
                    String.format("median %.0f ms, max %.0f ms (10 calls)", pct(ms, 50), pct(ms, 100)));
        }

        // 4. fix the failed addresses, resend FAILED_ONLY
        List<Integer> broken = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            if (i % 10 == 0 || i % 10 == 5) {
                broken.add(i);
            }
        }
        t = System.nanoTime();
        parallel(broken.size(), k -> {
            int i = broken.get(k);
            Gateway.Reply reply = api.patch("/api/residents/" + ids[i], i % 10 == 0
                    ? Map.of("email", "r" + i + ".fixed@example.com") : Map.of("phone", validPhone(i)));
            Gateway.expect(reply, 200);
            return reply.nanos();
        });
        double patchSeconds = seconds(t);
        row("fix addresses (PATCH /api/residents/{id})", String.format("%,d residents in %.1f s = %,.0f PATCH/s",
                broken.size(), patchSeconds, broken.size() / patchSeconds));
        before = traffic.counts();
        cpu0 = PlatformProcesses.cpuSeconds(pids);
        t = System.nanoTime();
        // A 503 means nothing was resent (resend-service could not read the delivery states in time): try again,
        // as the page tells the manager to, and say how often that happened.
        Gateway.Reply resend = null;
        int unavailable = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            resend = api.send("POST", "/api/notices/" + notice + "/resends", Map.of("scope", "FAILED_ONLY"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (resend.status() != 503) {
                break;
            }
            unavailable++;
            log("resend answered 503 (%.1f s): %s", resend.nanos() / 1e9, resend.raw());
        }
        JsonNode accepted = Gateway.expect(resend, 202);
        if (unavailable > 0) {
            row("  resend answered 503 first", unavailable + " time(s): resend-service could not read notice-service's"
                    + " delivery states in time (NOTICE_SERVICE_TIMEOUT)");
        }
        double resendAccepted = seconds(t);
        stats = awaitStats(api, notice, t, data, Map.of(), s -> s.get("email").get("failed").asLong() == 0
                && s.get("sms").get("failed").asLong() == 0 && done(s.get("email")) && done(s.get("sms")));
        double resendSeconds = seconds(t);
        ProviderTraffic.Counts resendCalls = traffic.counts().minus(before);
        long resent = accepted.path("emails").asLong() + accepted.path("sms").asLong();
        row("resend FAILED_ONLY after fixing the addresses (POST …/resends → all final)",
                String.format("%,d channel deliveries (%s) in %.1f s = **%,.0f deliveries/s** (202 in %.0f ms)",
                        resent, accepted.path("message").asString(), resendSeconds, resent / resendSeconds,
                        resendAccepted * 1000));
        row("  outcome", outcome(stats));
        row("  provider calls", String.format("SendGrid: %,d calls for %,d emails; Twilio: %,d calls",
                resendCalls.sendGridCalls(), resendCalls.emailsInCalls(), resendCalls.twilioCalls()));
        cpuNote("resend", cpu0, pids, resendSeconds);
        saveMetrics(settings, data);
    }

    /** Polls the notice's statistics until {@code done}, printing progress every 5 s; one thread dump at 20 s. */
    private JsonNode awaitStats(Gateway api, String notice, long started, Path data, Map<String, Long> dumpPids,
            Predicate<JsonNode> done) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        long nextReport = System.nanoTime() + 5_000_000_000L;
        boolean dumped = false;
        long lastFinal = 0;
        long lastTime = started;
        while (true) {
            JsonNode stats = Gateway.expect(api.get("/api/notices/" + notice), 200).get("stats");
            if (done.test(stats)) {
                return stats;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("not settled after " + timeout.toSeconds() + " s: " + stats);
            }
            if (now >= nextReport) {
                long fin = finals(stats.get("email")) + finals(stats.get("sms"));
                log("%5.0f s  email %s | sms %s | %,.0f final channels/s over the last interval", seconds(started),
                        brief(stats.get("email")), brief(stats.get("sms")), (fin - lastFinal) / ((now - lastTime) / 1e9));
                lastFinal = fin;
                lastTime = now;
                nextReport = now + 5_000_000_000L;
            }
            if (!dumped && seconds(started) > 20 && !dumpPids.isEmpty()) {
                dumped = true;
                threadDumps(data, dumpPids);
            }
            Thread.sleep(250);
        }
    }

    private static void threadDumps(Path data, Map<String, Long> pids) {
        for (String name : List.of("delivery-service", "notice-service", "gateway")) {
            Long pid = pids.get(name);
            if (pid == null) {
                continue;
            }
            try {
                Path file = data.resolve("threads-" + name + ".txt");
                Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(file.toFile()).start();
                jcmd.waitFor();
                log("thread dump of %s in %s", name, file);
            } catch (IOException e) {
                log("no thread dump of %s: %s", name, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void saveMetrics(PlatformSettings settings, Path data) {
        Map<String, Integer> ports = Map.of("delivery-service", settings.deliveryPort(), "notice-service",
                settings.noticePort(), "gateway", settings.gatewayPort());
        ports.forEach((name, port) -> {
            try {
                Gateway.Reply reply = new Gateway("http://localhost:" + port).get("/actuator/prometheus");
                Files.writeString(data.resolve("prometheus-" + name + ".txt"), reply.raw());
            } catch (IOException | RuntimeException e) {
                log("no metrics from %s: %s", name, e.getMessage());
            }
        });
    }

    private void cpuNote(String phase, Map<String, Double> before, Map<String, Long> pids, double wall) {
        Map<String, Double> after = PlatformProcesses.cpuSeconds(pids);
        StringBuilder s = new StringBuilder("CPU seconds during " + phase + " (" + String.format("%.1f", wall)
                + " s wall, 2 cores = " + String.format("%.0f", 2 * wall) + " CPU s available): ");
        after.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue() - before.getOrDefault(b.getKey(), 0.0),
                a.getValue() - before.getOrDefault(a.getKey(), 0.0))).forEach(e -> s.append(e.getKey()).append(' ')
                .append(String.format("%.1f", e.getValue() - before.getOrDefault(e.getKey(), 0.0))).append(", "));
        notes.add(s.substring(0, s.length() - 2));
        log("%s", notes.get(notes.size() - 1));
    }

    private void printTable(PlatformSettings settings, double startup, Map<String, Long> pids, Path data)
            throws IOException {
        StringBuilder rss = new StringBuilder();
        pids.forEach((name, pid) -> rss.append(name).append(' ').append(PlatformProcesses.peakRssMiB(pid))
                .append(" MiB, "));
        row("peak RSS per process (VmHWM)", rss.substring(0, Math.max(0, rss.length() - 2)));
        row("platform start-up (9 processes)", String.format("%.1f s", startup));

        StringBuilder md = new StringBuilder();
        md.append(String.format("Benchmark, N = %,d residents, %s, %d cores (%s), %s%n%n", residents,
                Instant.now().toString().substring(0, 16) + "Z", Runtime.getRuntime().availableProcessors(),
                cpuModel(), (env.isEmpty() ? "default configuration" : "environment " + env) + ", JVM options "
                        + jvmOptions));
        md.append("| step | result |\n| --- | --- |\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append(String.format("%nCommand: `scripts/benchmark.sh --residents %d%s%s`%n", residents,
                env.entrySet().stream().map(e -> " --env " + e.getKey() + "=" + e.getValue())
                        .reduce("", String::concat),
                jvmOptions.equals(JVM_OPTIONS) ? "" : " --jvm \"" + jvmOptions + "\""));
        System.out.println();
        System.out.println(md);
        Path file = data.getParent().resolve("benchmark-" + residents + ".md");
        Files.writeString(file, md);
        log("table written to %s; logs, thread dumps and metrics in %s", file, data);
    }

    private long[] parallel(int count, IntFunction<Long> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                nanos[i] = futures.get(i).get();
            }
            return nanos;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every 10th resident (i % 10 == 0) has an invalid email, every 10th (i % 10 == 5) an invalid phone. */
    private static Map<String, Object> resident(int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", String.format("Resident %06d", i));
        body.put("email", i % 10 == 0 ? "r" + i + "@invalid.example" : "r" + i + "@example.com");
        body.put("phone", i % 10 == 5 ? String.format("+1555010%04d", i % 10_000) : validPhone(i));
        body.put("unit", String.valueOf(100 + i % 900));
        return body;
    }

    private static String validPhone(int i) {
        return String.format("+1514%07d", i);
    }

    private static boolean done(JsonNode channel) {
        return channel.get("pending").asLong() == 0 && channel.get("sent").asLong() == 0;
    }

    private static long finals(JsonNode channel) {
        return channel.get("delivered").asLong() + channel.get("failed").asLong() + channel.get("skipped").asLong();
    }

    private static String brief(JsonNode c) {
        return String.format("pending %,d sent %,d delivered %,d failed %,d", c.get("pending").asLong(),
                c.get("sent").asLong(), c.get("delivered").asLong(), c.get("failed").asLong());
    }

    private static String outcome(JsonNode stats) {
        return "email " + brief(stats.get("email")) + "; SMS " + brief(stats.get("sms"));
    }

    private void row(String step, String result) {
        rows.add(new String[] {step, result});
        log("%s: %s", step, result);
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** The repository root: the nearest directory up from here holding run.sh and pom.xml. */
    private static Path home() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("run.sh")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("run from inside the repository (no run.sh above " + dir + ")");
    }

    private static void log(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
