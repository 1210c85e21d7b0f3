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
import tools.jackson.databind.SerializationFeature;

/**
 * The throughput benchmark behind the README's figures (issue 9): starts the whole platform on random ports (so it
 * runs beside {@code ./run.sh}), and for each size N, through the gateway: imports N residents with the bulk import
 * ({@code POST /api/properties/{id}/residents:import}, 5,000 rows a request), sends them a notice by email and SMS,
 * times the reads a manager makes on it from 8 concurrent clients (p50/p95/p99), fixes the failed addresses with a
 * second import, resends FAILED_ONLY, and measures the ceiling: a bare Kafka producer → consumer pass of as many
 * messages of a result's size on the same broker. Then the history run: notices of one size one after another, the
 * rate of each. It prints a Markdown table and writes {@code target/bench/results.json}.
 *
 * <pre>scripts/benchmark.sh [--quick] [--sizes 10000,50000] [--residents N] [--history 10] [--history-size N]
 *     [--clients 8] [--requests 500] [--jit full|c1] [--jvm "OPTIONS"] [--env KEY=VALUE]... [--timeout 1800]</pre>
 *
 * JIT: {@code --jit} is the default of every process (full unless told; {@code PROPTY_JIT_<PROCESS>} in {@code --env}
 * chooses per process), printed with every process's JVM options. Provider rate limits are raised
 * ({@link #PROVIDER_LIMITS}: Twilio's 100/s is an account's limit, not the platform's) and printed.
 *
 * One resident in ten has an email SendGrid refuses ({@code @invalid.example}), another one in ten a phone Twilio
 * refuses: 20% of the recipients fail on one channel, which the resend then delivers after their addresses are fixed.
 */
public final class Benchmark {

    static final Map<String, String> PROVIDER_LIMITS = Map.of("TWILIO_PERMITS_PER_SECOND", "100000",
            "SENDGRID_PERMITS_PER_SECOND", "10000");
    static final int IMPORT_ROWS = 5_000;
    /** About the size of one DeliveryResult as the services publish it. */
    static final int RESULT_BYTES = 520;

    private final List<Integer> sizes;
    private final int historyNotices;
    private final int historySize;
    private final int clients;
    private final int requestsPerClient;
    private final Duration timeout;
    private final Map<String, String> env;
    private final String jvmOptions;
    private final PlatformSettings.Jit jit;
    private final int instances;
    private final String command;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Benchmark(List<Integer> sizes, int historyNotices, int historySize, int clients, int requestsPerClient,
            Duration timeout, Map<String, String> env, String jvmOptions, PlatformSettings.Jit jit, int instances,
            String command) {
        this.sizes = sizes;
        this.historyNotices = historyNotices;
        this.historySize = historySize;
        this.clients = clients;
        this.requestsPerClient = requestsPerClient;
        this.timeout = timeout;
        this.env = env;
        this.jvmOptions = jvmOptions;
        this.jit = jit;
        this.instances = instances;
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 50_000);
        int history = 10;
        Integer historySize = null;
        int clients = 8;
        int requests = 500;
        long timeoutSeconds = 1800;
        Map<String, String> env = new LinkedHashMap<>(PROVIDER_LIMITS);
        // explicitly: no SMS quiet hours, so the figures never depend on the hour it runs (--env overrides it)
        env.put("PROPERTY_DEFAULT_QUIET_HOURS", "false");
        String jvmOptions = PlatformSettings.BASE_JVM_OPTIONS;
        PlatformSettings.Jit jit = PlatformSettings.Jit.FULL;
        int instances = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    sizes = List.of(500);
                    history = 3;
                    requests = 20;
                }
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(
                        s.trim().replace("_", ""))).toList();
                case "--residents" -> sizes = List.of(Integer.parseInt(args[++i].replace("_", "")));
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--history-size" -> historySize = Integer.parseInt(args[++i].replace("_", ""));
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--jvm" -> jvmOptions = args[++i];
                case "--jit" -> jit = PlatformSettings.Jit.valueOf(args[++i].trim().toUpperCase());
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--env" -> {
                    String[] kv = args[++i].split("=", 2);
                    env.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --quick, --sizes"
                        + " N,M, --residents N, --history K, --history-size N, --clients C, --requests R, --timeout S,"
                        + " --jit full|c1, --jvm OPTIONS, --env KEY=VALUE, --instances N");
            }
        }
        new Benchmark(sizes, history, historySize == null ? sizes.get(0) : historySize, clients, requests,
                Duration.ofSeconds(timeoutSeconds), env, jvmOptions, jit, instances, String.join(" ", args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path home = home();
        Path data = Files.createDirectories(home.resolve("benchmark/target/platform-" + System.currentTimeMillis()));
        PlatformSettings settings = PlatformSettings.randomPorts(home, data, env).withJvmOptions(jvmOptions)
                .withJit(jit).withTopology(instances, 1);
        log("instances of each service: %d", instances);
        Map<String, String> jvm = new LinkedHashMap<>();
        PlatformSettings.PROCESSES.forEach(p -> jvm.put(p, settings.jvmOptionsFor(p)));
        log("JVM options per process: %s", jvm);
        log("provider limits and other variables: %s", env);
        results.put("startedAt", Instant.now().toString());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("cpu", cpuModel());
        results.put("command", "scripts/benchmark.sh " + command);
        results.put("jvmOptions", jvm);
        results.put("environment", env);
        long t = System.nanoTime();
        Platform platform = Platform.start(settings, line -> System.out.println("[platform] " + line));
        Thread hook = new Thread(platform::close);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            double startup = seconds(t);
            results.put("startupSeconds", startup);
            log("platform started in %.1f s; logs in %s", startup, data.resolve("logs"));
            Map<String, Long> pids = PlatformProcesses.find();
            log("processes: %s", pids);
            List<Object> runs = new ArrayList<>();
            results.put("sizes", runs);
            try (ProviderTraffic traffic = new ProviderTraffic(settings.simulatorUrl())) {
                for (int n : sizes) {
                    runs.add(measure(n, settings, data, pids, traffic));
                }
                results.put("history", history(settings, data, pids));
            }
            Map<String, Long> rss = new LinkedHashMap<>();
            pids.forEach((name, pid) -> rss.put(name, PlatformProcesses.peakRssMiB(pid)));
            results.put("peakRssMiB", rss);
            row("peak RSS per process (VmHWM)", rss.toString());
            row("platform start-up (" + pids.size() + " processes)", String.format("%.1f s", startup));
            saveMetrics(settings, data);
            write(home, data, jvm);
        } finally {
            platform.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private Map<String, Object> measure(int residents, PlatformSettings settings, Path data, Map<String, Long> pids,
            ProviderTraffic traffic) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("residents", residents);
        String property = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway api = new Gateway(settings.gatewayUrl());
        api.signIn("bench-manager", property);
        String n = String.format("N = %,d: ", residents);

        // 1. residents, through the bulk import
        long t = System.nanoTime();
        importRows(api, property, residents, i -> resident(i, false));
        double importSeconds = seconds(t);
        run.put("import", Map.of("seconds", importSeconds, "residentsPerSecond", residents / importSeconds));
        row(n + "import residents (POST …/residents:import, " + IMPORT_ROWS + " rows a request)",
                String.format("%,d residents in %.1f s = %,.0f residents/s", residents, importSeconds,
                        residents / importSeconds));

        // 2. send to all by EMAIL and SMS
        String notice = newNotice(api, property);
        ProviderTraffic.Counts before = traffic.counts();
        Map<String, Double> cpu0 = PlatformProcesses.cpuSeconds(pids);
        t = System.nanoTime();
        Gateway.expect(api.post("/api/notices/" + notice + "/send", null), 202);
        double sendAccepted = seconds(t);
        Settled send = awaitSettled(api, notice, t, data, pids, residents, false);
        Map<String, Double> cpuSend = cpuDelta(cpu0, pids);
        ProviderTraffic.Counts sendCalls = traffic.counts().minus(before);
        long channels = 2L * residents;
        Map<String, Object> sendResult = rates(send, residents);
        sendResult.put("acceptedMs", sendAccepted * 1000);
        sendResult.put("sendGridCalls", sendCalls.sendGridCalls());
        sendResult.put("sendGridRejectedCalls", sendCalls.sendGridRejectedCalls());
        sendResult.put("sendGridCallsPer1000Emails", 1000.0 * sendCalls.sendGridCalls() / residents);
        sendResult.put("twilioCalls", sendCalls.twilioCalls());
        sendResult.put("cpuMsPerDelivery", cpuPerDelivery(cpuSend, channels));
        run.put("send", sendResult);
        row(n + "send by EMAIL + SMS (POST …/send → every channel final)", String.format(
                "%,d channel deliveries in %.1f s = **%,.0f deliveries/s** together; email %,.0f/s (final after %.1f s),"
                        + " SMS %,.0f/s (final after %.1f s); 202 in %.0f ms", channels, send.seconds(),
                channels / send.seconds(), residents / send.emailSeconds(), send.emailSeconds(),
                residents / send.smsSeconds(), send.smsSeconds(), sendAccepted * 1000));
        row(n + "  outcome", outcome(send.stats()));
        row(n + "  provider calls", String.format("SendGrid: **%,d calls** (%.1f per 1,000 emails; %,d answered 400);"
                + " Twilio: %,d calls", sendCalls.sendGridCalls(), 1000.0 * sendCalls.sendGridCalls() / residents,
                sendCalls.sendGridRejectedCalls(), sendCalls.twilioCalls()));
        row(n + "  CPU ms per channel delivery (send)", cpuRow(cpuSend, channels));

        // 3. the reads a manager makes, 8 concurrent clients, on the settled notice
        run.put("latencyMs", latencies(api, notice, property, residents, n));

        // 4. fix the failed addresses (a second import, matched by external id), resend FAILED_ONLY
        importRows(api, property, residents, i -> i % 10 == 0 || i % 10 == 5 ? resident(i, true) : null);
        before = traffic.counts();
        cpu0 = PlatformProcesses.cpuSeconds(pids);
        t = System.nanoTime();
        // A 503 means nothing was resent (resend-service could not read the delivery states in time): try again, as
        // the page tells the manager to, and say how often that happened.
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
        double resendAccepted = seconds(t);
        JsonNode accepted = Gateway.expect(resend, 202);
        Settled resent = awaitSettled(api, notice, t, data, Map.of(), residents, true);
        Map<String, Double> cpuResend = cpuDelta(cpu0, pids);
        ProviderTraffic.Counts resendCalls = traffic.counts().minus(before);
        long resentChannels = accepted.path("emails").asLong() + accepted.path("sms").asLong();
        Map<String, Object> resendResult = new LinkedHashMap<>();
        resendResult.put("channels", resentChannels);
        resendResult.put("acceptedMs", resendAccepted * 1000);
        resendResult.put("answered503First", unavailable);
        resendResult.put("seconds", resent.seconds());
        resendResult.put("deliveriesPerSecond", resentChannels / resent.seconds());
        resendResult.put("sendGridCalls", resendCalls.sendGridCalls());
        resendResult.put("twilioCalls", resendCalls.twilioCalls());
        resendResult.put("cpuMsPerDelivery", cpuPerDelivery(cpuResend, resentChannels));
        run.put("resend", resendResult);
        row(n + "resend FAILED_ONLY after fixing the addresses (POST …/resends → all final)", String.format(
                "%,d channel deliveries (%s) in %.1f s = **%,.0f deliveries/s** (202 in %.0f ms)", resentChannels,
                accepted.path("message").asString(), resent.seconds(), resentChannels / resent.seconds(),
                resendAccepted * 1000));
        row(n + "  CPU ms per channel delivery (resend)", cpuRow(cpuResend, resentChannels));

        // 5. the ceiling, same broker, as many messages as the send made deliveries
        Ceiling.Pass ceiling = Ceiling.measure(settings.kafkaBootstrap(), channels, RESULT_BYTES);
        double fraction = (channels / send.seconds()) / ceiling.rate();
        run.put("ceiling", Map.of("messages", ceiling.messages(), "bytes", ceiling.bytes(), "seconds",
                ceiling.seconds(), "messagesPerSecond", ceiling.rate(), "pipelineFraction", fraction));
        row(n + "ceiling: bare Kafka producer → consumer, same broker", String.format(
                "%,d messages of %d bytes in %.1f s = %,.0f/s; the send's end-to-end rate is **%.1f %%** of it",
                ceiling.messages(), ceiling.bytes(), ceiling.seconds(), ceiling.rate(), 100 * fraction));
        return run;
    }

    /** Ten (or --history) notices of one size to one property, one after another: does the rate hold? */
    private List<Object> history(PlatformSettings settings, Path data, Map<String, Long> pids) throws Exception {
        List<Object> rates = new ArrayList<>();
        if (historyNotices <= 0) {
            return rates;
        }
        String property = "bench-history-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway api = new Gateway(settings.gatewayUrl());
        api.signIn("bench-history", property);
        importRows(api, property, historySize, i -> resident(i, false));
        List<String> line = new ArrayList<>();
        for (int k = 1; k <= historyNotices; k++) {
            String notice = newNotice(api, property);
            long t = System.nanoTime();
            Gateway.expect(api.post("/api/notices/" + notice + "/send", null), 202);
            Settled send = awaitSettled(api, notice, t, data, Map.of(), historySize, false);
            double rate = 2.0 * historySize / send.seconds();
            rates.add(Map.of("notice", k, "seconds", send.seconds(), "deliveriesPerSecond", rate));
            line.add(String.format("%,.0f", rate));
            log("history: notice %d of %d at %,.0f deliveries/s", k, historyNotices, rate);
        }
        double first = ((Number) ((Map<?, ?>) rates.get(0)).get("deliveriesPerSecond")).doubleValue();
        double last = ((Number) ((Map<?, ?>) rates.get(rates.size() - 1)).get("deliveriesPerSecond")).doubleValue();
        row(String.format("history: %d notices of %,d residents one after another (deliveries/s each)", historyNotices,
                historySize), String.join(", ", line) + String.format(" — the last at **%.0f %%** of the first",
                100 * last / first));
        return rates;
    }

    /** p50/p95/p99 of each read, {@link #clients} clients, {@link #requestsPerClient} requests each. */
    private Map<String, Object> latencies(Gateway api, String notice, String property, int residents, String n)
            throws Exception {
        int lastPage = Math.max(0, (residents - 1) / 50);
        int lastFailedPage = Math.max(0, (residents / 5 - 1) / 50);
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("resend-options", "/api/notices/" + notice + "/resend-options");
        reads.put("FAILED page", "/api/notices/" + notice + "/recipients?status=FAILED&page=" + lastFailedPage
                + "&size=50");
        reads.put("deep page", "/api/notices/" + notice + "/recipients?page=" + lastPage + "&size=50");
        reads.put("notice detail", "/api/notices/" + notice);
        reads.put("notices list", "/api/properties/" + property + "/notices?page=0&size=20");
        // the dialog with 200 ticked recipients (the first table page: delivered and failed ones), posted
        String selectedRead = "resend-options, 200 selected";
        List<String> ids = new ArrayList<>();
        Gateway.expect(api.get("/api/notices/" + notice + "/recipients?page=0&size=200"), 200).path("items")
                .forEach(item -> ids.add(item.path("recipientId").asString()));
        Map<String, Object> selection = Map.of("recipientIds", ids);
        reads.put(selectedRead, "/api/notices/" + notice + "/resend-options");
        Map<String, Object> all = new LinkedHashMap<>();
        for (var read : reads.entrySet()) {
            boolean posted = read.getKey().equals(selectedRead);
            java.util.function.Supplier<Gateway.Reply> call = posted ? () -> api.post(read.getValue(), selection)
                    : () -> api.get(read.getValue());
            JsonNode first = Gateway.expect(call.get(), 200);
            expectCounts(read.getKey(), first, residents, ids.size());
            int total = clients * requestsPerClient;
            long[] nanos = parallel(total, clients, i -> {
                Gateway.Reply reply = call.get();
                Gateway.expect(reply, 200);
                return reply.nanos();
            });
            // the same answer after the load: fast and wrong would not count
            expectCounts(read.getKey(), Gateway.expect(call.get(), 200), residents, ids.size());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("p50", pct(nanos, 50));
            p.put("p95", pct(nanos, 95));
            p.put("p99", pct(nanos, 99));
            p.put("requests", total);
            if (first.has("totalItems")) {
                p.put("totalItems", first.get("totalItems").asLong());
            }
            all.put(read.getKey(), p);
            row(n + read.getKey() + (posted ? " `POST " : " `GET ") + read.getValue().replace(notice, "{id}").replace(property, "{property}")
                    + "`", String.format("p50 %.0f ms, p95 %.0f ms, p99 **%.0f ms** (%d clients × %d)%s",
                    pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), clients, requestsPerClient,
                    first.has("totalItems") ? ", totalItems " + first.get("totalItems").asLong() : ""));
        }
        return all;
    }

    /**
     * The counts a read must answer on the settled notice, from how {@link #resident} makes failures: a FAILED_ONLY
     * resend takes every refused email and every refused SMS, the ticked first {@code selected} residents (the table's
     * order is by name, so residents 0, 1, …) theirs, and the FAILED filter lists each of those residents once.
     */
    private static void expectCounts(String read, JsonNode answer, int residents, int selected) {
        switch (read) {
            case "resend-options" -> expectOption(answer, "FAILED_ONLY", refused(residents, 0), refused(residents, 5));
            case "resend-options, 200 selected" ->
                    expectOption(answer, "SELECTED", refused(selected, 0), refused(selected, 5));
            case "FAILED page" -> expectEqual(read + " totalItems", answer.path("totalItems").asLong(),
                    refused(residents, 0) + refused(residents, 5));
            default -> {
            }
        }
    }

    /** How many of residents 0 … n-1 have {@code i % 10 == remainder}. */
    private static long refused(int n, int remainder) {
        return n <= remainder ? 0 : (n - 1 - remainder) / 10 + 1;
    }

    private static void expectOption(JsonNode options, String scope, long emails, long sms) {
        JsonNode option = null;
        for (JsonNode o : options.path("options")) {
            if (scope.equals(o.path("scope").asString())) {
                option = o;
            }
        }
        if (option == null) {
            throw new IllegalStateException("resend-options has no " + scope + " option: " + options);
        }
        expectEqual(scope + " emails", option.path("emails").asLong(), emails);
        expectEqual(scope + " sms", option.path("sms").asLong(), sms);
        expectEqual(scope + " recipients", option.path("recipients").asLong(), emails + sms);
    }

    private static void expectEqual(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
        }
    }

    private void importRows(Gateway api, String property, int residents, IntFunction<Map<String, Object>> row)
            throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>(IMPORT_ROWS);
        for (int i = 0; i <= residents; i++) {
            Map<String, Object> r = i < residents ? row.apply(i) : null;
            if (r != null) {
                batch.add(r);
            }
            if (batch.size() == IMPORT_ROWS || (i == residents && !batch.isEmpty())) {
                JsonNode report = Gateway.expect(api.post("/api/properties/" + property + "/residents:import", batch),
                        200);
                if (report.path("rejected").size() > 0) {
                    throw new IllegalStateException("import rejected rows: " + report.path("rejected"));
                }
                batch = new ArrayList<>(IMPORT_ROWS);
            }
        }
    }

    private static String newNotice(Gateway api, String property) {
        return Gateway.expect(api.post("/api/properties/" + property + "/notices", Map.of(
                "title", "Water shut-off on Monday",
                "body", "Dear residents, the water will be shut off on Monday from 9:00 to 12:00.",
                "smsText", "Water shut-off Monday 9:00-12:00.",
                "channels", List.of("EMAIL", "SMS"))), 201).get("id").asString();
    }

    /** When a send (or a resend: nothing FAILED left) settled, in all and per channel. */
    record Settled(JsonNode stats, double seconds, double emailSeconds, double smsSeconds) {
    }

    private static Map<String, Object> rates(Settled s, int residents) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", s.seconds());
        r.put("deliveriesPerSecond", 2.0 * residents / s.seconds());
        r.put("emailSeconds", s.emailSeconds());
        r.put("emailsPerSecond", residents / s.emailSeconds());
        r.put("smsSeconds", s.smsSeconds());
        r.put("smsPerSecond", residents / s.smsSeconds());
        r.put("outcome", outcome(s.stats()));
        return r;
    }

    /** Polls the notice's statistics until every channel is final, printing progress every 5 s; one thread dump at 20 s. */
    private Settled awaitSettled(Gateway api, String notice, long started, Path data, Map<String, Long> dumpPids,
            int residents, boolean noFailures) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        long nextReport = System.nanoTime() + 5_000_000_000L;
        boolean dumped = false;
        long lastFinal = 0;
        long lastTime = started;
        double email = -1;
        double sms = -1;
        Predicate<JsonNode> settled = c -> done(c) && (!noFailures || c.get("failed").asLong() == 0);
        while (true) {
            JsonNode stats = Gateway.expect(api.get("/api/notices/" + notice), 200).get("stats");
            boolean all = stats.get("recipients").asLong() == residents;
            if (email < 0 && all && settled.test(stats.get("email"))) {
                email = seconds(started);
            }
            if (sms < 0 && all && settled.test(stats.get("sms"))) {
                sms = seconds(started);
            }
            if (email >= 0 && sms >= 0) {
                return new Settled(stats, seconds(started), email, sms);
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
            Thread.sleep(100);
        }
    }

    private static Map<String, Double> cpuDelta(Map<String, Double> before, Map<String, Long> pids) {
        Map<String, Double> delta = new LinkedHashMap<>();
        PlatformProcesses.cpuSeconds(pids).forEach((name, after) -> delta.put(name,
                after - before.getOrDefault(name, 0.0)));
        return delta;
    }

    /** CPU ms per channel delivery, per process, summed, and summed without the simulator (not the platform's). */
    private static Map<String, Double> cpuPerDelivery(Map<String, Double> cpuSeconds, long deliveries) {
        Map<String, Double> perDelivery = new LinkedHashMap<>();
        double total = 0;
        double platform = 0;
        for (var e : cpuSeconds.entrySet()) {
            double ms = 1000 * e.getValue() / Math.max(1, deliveries);
            perDelivery.put(e.getKey(), ms);
            total += ms;
            if (!e.getKey().equals("simulator")) {
                platform += ms;
            }
        }
        perDelivery.put("total", total);
        perDelivery.put("platform (all but the simulator)", platform);
        return perDelivery;
    }

    private static String cpuRow(Map<String, Double> cpuSeconds, long deliveries) {
        Map<String, Double> ms = cpuPerDelivery(cpuSeconds, deliveries);
        StringBuilder s = new StringBuilder(String.format("**%.2f ms** platform (%.2f ms with the simulator): ",
                ms.get("platform (all but the simulator)"), ms.get("total")));
        // every process measured, second instances ("notice-service-2") included; not the two sums above
        ms.entrySet().stream().filter(e -> cpuSeconds.containsKey(e.getKey()))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> s.append(e.getKey()).append(' ').append(String.format("%.2f", e.getValue())).append(", "));
        return s.substring(0, s.length() - 2);
    }

    private void write(Path home, Path data, Map<String, String> jvm) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format("Benchmark, sizes %s, %s, %d cores (%s)%n%n", sizes,
                Instant.now().toString().substring(0, 16) + "Z", Runtime.getRuntime().availableProcessors(),
                cpuModel()));
        md.append("JVM options: ").append(jvm).append("  \nEnvironment (provider limits raised): ").append(env)
                .append("\n\n");
        md.append("| step | result |\n| --- | --- |\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append(String.format("%nCommand: `scripts/benchmark.sh %s`%n", command));
        System.out.println();
        System.out.println(md);
        Path bench = Files.createDirectories(home.resolve("target/bench"));
        Files.writeString(bench.resolve("results.md"), md);
        Path json = bench.resolve("results.json");
        Files.writeString(json, Gateway.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        log("results written to %s (and results.md); logs, thread dumps and metrics in %s", json, data);
    }

    /** Every 10th resident (i % 10 == 0) has an email SendGrid refuses, every 10th (i % 10 == 5) a phone Twilio refuses. */
    private static Map<String, Object> resident(int i, boolean fixed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", "ext-" + i);
        body.put("name", String.format("Resident %06d", i));
        body.put("email", i % 10 == 0 && !fixed ? "r" + i + "@invalid.example" : "r" + i + "@example.com");
        body.put("phone", i % 10 == 5 && !fixed ? String.format("+1555010%04d", i % 10_000) : validPhone(i));
        body.put("unit", String.valueOf(100 + i % 900));
        return body;
    }

    private static String validPhone(int i) {
        return String.format("+1514%07d", i);
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

    private static long[] parallel(int count, int threads, IntFunction<Long> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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
