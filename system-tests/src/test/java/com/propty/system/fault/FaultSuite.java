package com.propty.system.fault;

import static org.awaitility.Awaitility.await;

import com.propty.launcher.Platform;
import com.propty.launcher.PlatformSettings;
import com.propty.system.Api;
import com.propty.system.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's fault suite: the real processes of the local platform on random ports (its own {@link Platform}, since it
 * kills processes), one property with {@code recipients} residents, and one method per fault. Each scenario ends with
 * a {@link Row}: final statuses exact, duplicate sends (the simulator accepted one (attempt, address) more than once;
 * every resident has addresses of its own and every attempt goes to a new address or a new notice), lost results
 * (targets that never reached a final state, or a state the fault cannot explain).
 *
 * <p>{@code main} runs the profile chosen by system properties ({@link FaultProfile#fromSystemProperties}) and exits
 * non-zero when a row fails; {@code FaultSuiteTest} runs the small profile in {@code mvn verify}.
 */
public final class FaultSuite implements AutoCloseable {

    private final FaultProfile profile;
    private final Platform platform;
    private final Api api;
    private final Simulator simulator;
    private final ResultsTopic results;
    private final String property = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> residents = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private String resentNotice;
    private String deliveredNotice;

    private FaultSuite(FaultProfile profile, Platform platform) {
        this.profile = profile;
        this.platform = platform;
        PlatformSettings settings = platform.settings();
        this.api = Api.signIn(settings.gatewayUrl(), "fault-manager", property);
        this.simulator = new Simulator(settings.simulatorUrl());
        this.results = new ResultsTopic(settings.kafkaBootstrap());
    }

    public static void main(String[] args) {
        FaultProfile profile = FaultProfile.fromSystemProperties();
        boolean passed;
        try (FaultSuite suite = start(profile)) {
            passed = suite.runAll().stream().allMatch(Row::passed);
        }
        System.exit(passed ? 0 : 1);
    }

    /** Starts a platform of its own under {@code system-tests/target} (the jars must be built). */
    public static FaultSuite start(FaultProfile profile) {
        try {
            Path home = Path.of("..").toAbsolutePath().normalize();
            if (!Files.isDirectory(home.resolve("launcher"))) {
                home = Path.of(".").toAbsolutePath().normalize();
            }
            Path data = Files.createDirectories(home.resolve("system-tests/target/fault-" + System.currentTimeMillis()));
            PlatformSettings settings = PlatformSettings.randomPorts(home, data, profile.environment());
            Platform platform = Platform.start(settings, line -> log("[platform] " + line));
            // a JVM that ends abruptly must not leave a whole platform running (close is idempotent)
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            try {
                return new FaultSuite(profile, platform);
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario in order (each builds on the state the previous ones left), then the table. */
    public List<Row> runAll() {
        log("fault suite, profile " + profile);
        createResidents();
        String notice = sendAndSettle();
        scenario("kill -9 notice-service + history-service mid-projection", () -> killProjectionsMidResend(notice));
        scenario("kill -9 delivery-service mid-resend", () -> killDeliveryMidResend(notice));
        scenario("restart the Kafka broker mid-send", this::restartKafkaMidSend);
        scenario("SendGrid outage " + profile.outageSeconds() + " s during a send", this::sendGridOutage);
        scenario("every DeliveryResult replayed twice, shuffled", this::replayResults);
        scenario("forged webhooks rejected, replayed one ignored", this::forgedAndReplayedWebhooks);
        log("\n" + Row.table(rows));
        return List.copyOf(rows);
    }

    private void scenario(String name, java.util.function.Supplier<Row> run) {
        log("== " + name);
        long started = System.nanoTime();
        Row row;
        try {
            row = run.get();
        } catch (RuntimeException | AssertionError e) {
            log("!! " + name + " failed: " + e);
            row = new Row(name, 0, false, 0, 0, "error: " + e.getMessage());
        }
        row = new Row(name, row.targets(), row.exact(), row.duplicateSends(), row.lostResults(),
                row.notes() + String.format(" (%.0f s)", (System.nanoTime() - started) / 1e9));
        log("   " + row);
        rows.add(row);
    }

    // ---- set-up ------------------------------------------------------------------------------------------------

    /** Residents whose email is rejected at first, so that the first send fails everywhere and the resends are large. */
    private void createResidents() {
        long started = System.nanoTime();
        residents.addAll(parallel(profile.recipients(), i -> api.ok(api.post("/api/properties/" + property + "/residents",
                Map.of("name", String.format("Resident %05d", i), "email", email(i, 0, "invalid.example"),
                        "unit", String.valueOf(i))), 201).get("id").asString()));
        log(String.format("%d residents created in %.1f s", residents.size(), (System.nanoTime() - started) / 1e9));
    }

    private String email(int resident, int generation, String domain) {
        return "r" + resident + "g" + generation + "." + property + "@" + domain;
    }

    /** A new email for every resident (the simulator counts per address, so each generation is counted apart). */
    private void changeEmails(int generation) {
        parallel(residents.size(), i -> api.ok(api.patch("/api/residents/" + residents.get(i),
                Map.of("email", email(i, generation, "example.com"))), 200));
    }

    private String newNotice() {
        String notice = api.ok(api.post("/api/properties/" + property + "/notices", Map.of("title", "Fault suite",
                "body", "Water off on Monday.", "channels", List.of("EMAIL"))), 201).get("id").asString();
        api.ok(api.post("/api/notices/" + notice + "/send", null), 202);
        return notice;
    }

    private String sendAndSettle() {
        String notice = newNotice();
        NoticeSnapshot sent = settle(notice, 1);
        log("first send settled: " + sent.stats());
        return notice;
    }

    private void resend(String notice) {
        JsonNode answer = api.ok(api.post("/api/notices/" + notice + "/resends", Map.of("scope", "FAILED_ONLY")), 202);
        log("resend " + answer.get("resendId").asString() + ": " + answer.get("emails") + " emails");
    }

    // ---- scenarios -----------------------------------------------------------------------------------------------

    /** A resend to the still-invalid addresses (each fails again at attempt 2), with both projections killed midway. */
    private Row killProjectionsMidResend(String notice) {
        simulator.latency("sendgrid", profile.sendLatencyMillis());
        resend(notice);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode email = api.ok(api.get("/api/notices/" + notice), 200).get("stats").get("email");
            return email.get("pending").asInt() > 0 && email.get("pending").asInt() < profile.recipients() * 2 / 3;
        });
        platform.kill("notice-service");
        platform.kill("history-service");
        log("killed notice-service and history-service mid-projection");
        java.util.concurrent.CompletableFuture.allOf(
                java.util.concurrent.CompletableFuture.runAsync(() -> platform.restart("notice-service")),
                java.util.concurrent.CompletableFuture.runAsync(() -> platform.restart("history-service"))).join();
        simulator.latency("sendgrid", 0);
        NoticeSnapshot after = settle(notice, 2);
        int wrong = (int) after.targets().values().stream()
                .filter(t -> t.isFinal() && !(t.attempt() == 2 && t.is("FAILED", "INVALID_ADDRESS"))).count();
        return row(after, 0, wrong, "");
    }

    /** Every address fixed, then a resend killed midway: each accepted once, then DELIVERED, or in doubt if in flight. */
    private Row killDeliveryMidResend(String notice) {
        changeEmails(1);
        Map<String, Integer> before = simulator.accepted();
        simulator.latency("sendgrid", profile.sendLatencyMillis());
        resend(notice);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> acceptedSince(before, 1) >= profile.recipients() / 3);
        platform.kill("delivery-service");
        int acceptedAtKill = acceptedSince(before, 1);
        log("killed delivery-service with " + acceptedAtKill + " of " + profile.recipients() + " accepted");
        platform.restart("delivery-service");
        simulator.latency("sendgrid", 0);
        NoticeSnapshot after = settle(notice, 3);
        Map<String, Integer> accepted = simulator.accepted();
        int wrong = 0;
        int inDoubt = 0;
        for (int i = 0; i < residents.size(); i++) {
            NoticeSnapshot.TargetState t = after.targets().get(residents.get(i) + ":EMAIL");
            boolean wasAccepted = accepted.getOrDefault(email(i, 1, "example.com"), 0) > 0;
            boolean doubt = t.is("FAILED", "SEND_IN_DOUBT");
            inDoubt += doubt ? 1 : 0;
            // accepted by the provider: its webhook (retried while delivery-service was down) settles it DELIVERED;
            // never accepted: sent after the restart (then accepted), or in doubt because it was in flight
            boolean right = t.attempt() == 3 && (wasAccepted ? t.is("DELIVERED", null) : doubt);
            wrong += t.isFinal() && !right ? 1 : 0; // not final: counted as lost by row()
        }
        resentNotice = notice;
        return row(after, duplicates(before, accepted, 1), wrong, "accepted before the kill " + acceptedAtKill
                + ", FAILED SEND_IN_DOUBT (in flight at the kill, never accepted) " + inDoubt);
    }

    /** A new notice to everyone, the broker killed and restarted while it goes out. */
    private Row restartKafkaMidSend() {
        changeEmails(2);
        Map<String, Integer> before = simulator.accepted();
        simulator.latency("sendgrid", profile.sendLatencyMillis());
        String notice = newNotice();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> acceptedSince(before, 2) >= profile.recipients() / 3);
        platform.restart("kafka");
        log("kafka restarted");
        simulator.latency("sendgrid", 0);
        NoticeSnapshot after = settle(notice, 1);
        return row(after, duplicates(before, simulator.accepted(), 2), allDelivered(after), "");
    }

    /** SendGrid answers 503 for a while: sends are parked, none FAILED, all delivered after recovery, the circuit opens and closes. */
    private Row sendGridOutage() {
        changeEmails(3);
        Map<String, Integer> before = simulator.accepted();
        long logFrom = logSize("delivery-service");
        simulator.outage("sendgrid", profile.outageSeconds());
        String notice = newNotice();
        // CONTRACT §2: a deferral is a first answer, so the notice leaves SENDING while its emails wait, parked
        boolean answeredWhileParked = false;
        try {
            await().atMost(Duration.ofSeconds(profile.outageSeconds())).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode now = api.ok(api.get("/api/notices/" + notice), 200);
                return !now.get("status").asString().equals("SENDING")
                        && now.get("stats").get("email").get("pending").asInt() > 0;
            });
            answeredWhileParked = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            log("!! notice " + notice + " did not leave SENDING while its emails were parked");
        }
        NoticeSnapshot after = settle(notice, 1);
        String log = logSince("delivery-service", logFrom);
        boolean opened = log.contains("Circuit breaker sendgrid: CLOSED -> OPEN");
        boolean closed = log.contains("Circuit breaker sendgrid: HALF_OPEN -> CLOSED");
        deliveredNotice = notice;
        Row row = row(after, duplicates(before, simulator.accepted(), 3), allDelivered(after),
                "circuit opened " + yes(opened) + ", closed " + yes(closed) + ", notice left SENDING while parked "
                        + yes(answeredWhileParked));
        return new Row(row.scenario(), row.targets(), row.exact() && opened && closed && answeredWhileParked,
                row.duplicateSends(), row.lostResults(), row.notes());
    }

    /** The resent notice (three attempts, delivered, failed and in doubt) has every result re-published twice, shuffled. */
    private Row replayResults() {
        NoticeSnapshot before = NoticeSnapshot.of(api, resentNotice);
        List<ConsumerRecord<String, String>> records = results.recordsOf(resentNotice);
        Map<String, Integer> acceptedBefore = simulator.accepted();
        results.replay(records, 2, 42);
        // three projections each take every replayed record again: allow well over their measured pace
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(Math.max(120, records.size() * 2 / 100)));
        NoticeSnapshot after = NoticeSnapshot.of(api, resentNotice);
        int sends = acceptedBefore.equals(simulator.accepted()) ? 0 : 1;
        // every result of every path (provider answers, both webhooks, sweeps, give-ups) names the notice's tenant
        String tenant = "\"propertyId\":\"" + property + "\"";
        long untenanted = records.stream().filter(r -> !r.value().contains(tenant)).count();
        return new Row("", after.targets().size(), after.inconsistencies().isEmpty() && after.differencesFrom(before) == 0
                && untenanted == 0, sends, after.differencesFrom(before), records.size() + " results replayed twice"
                + (untenanted == 0 ? "" : ", " + untenanted + " without the property's id"));
    }

    /** Forged and stale SendGrid events and a forged Twilio callback: 401, nothing changes; a genuine event posted twice applies once. */
    private Row forgedAndReplayedWebhooks() {
        SignedWebhooks webhooks = new SignedWebhooks(platform.settings().gatewayUrl());
        NoticeSnapshot before = NoticeSnapshot.of(api, deliveredNotice);
        JsonNode result = Api.JSON.readTree(results.recordsOf(deliveredNotice).get(0).value());
        String recipient = result.get("recipientId").asString();
        String bounce = "[{\"email\":\"" + result.get("address").asString() + "\",\"event\":\"bounce\",\"type\":\"bounce\","
                + "\"reason\":\"550 mailbox gone\",\"status\":\"5.1.1\",\"sg_event_id\":\"fault-" + UUID.randomUUID()
                + "\",\"sg_message_id\":\"fault-message\",\"timestamp\":" + System.currentTimeMillis() / 1000
                + ",\"notice_id\":\"" + deliveredNotice + "\",\"recipient_id\":\"" + recipient
                + "\",\"channel\":\"EMAIL\",\"attempt\":\"" + result.get("attempt").asInt() + "\",\"attempt_id\":\""
                + result.get("attemptId").asString() + "\"}]";
        List<String> problems = new ArrayList<>();
        expect(problems, "forged SendGrid signature", webhooks.sendGridForged(bounce), 401);
        expect(problems, "stale SendGrid timestamp", webhooks.sendGrid(bounce, 3600), 401);
        expect(problems, "forged Twilio signature", webhooks.twilioForged("n=" + deliveredNotice + "&r=" + recipient
                + "&a=1&id=x", "MessageSid=SMfault&MessageStatus=undelivered&ErrorCode=30003"), 401);
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        int changedByForgeries = NoticeSnapshot.of(api, deliveredNotice).differencesFrom(before);
        expect(problems, "genuine bounce", webhooks.sendGrid(bounce, 0), 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                NoticeSnapshot.of(api, deliveredNotice).targets().get(recipient + ":EMAIL").is("FAILED", "BOUNCED"));
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        NoticeSnapshot applied = NoticeSnapshot.of(api, deliveredNotice);
        expect(problems, "replayed genuine bounce", webhooks.sendGrid(bounce, 0), 200);
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        NoticeSnapshot replayed = NoticeSnapshot.of(api, deliveredNotice);
        int changedByReplay = replayed.differencesFrom(applied);
        problems.addAll(replayed.inconsistencies());
        return new Row("", 4, problems.isEmpty() && changedByForgeries == 0 && changedByReplay == 0, 0,
                changedByForgeries + changedByReplay, problems.isEmpty() ? "3 forged → 401, genuine applied once"
                        : String.join("; ", problems));
    }

    // ---- shared checks -------------------------------------------------------------------------------------------

    /**
     * Waits until every resident is a target of the notice at {@code attempt} (or later) with its final answer:
     * DELIVERED (the provider's webhook came), FAILED or SKIPPED. PENDING (parked during an outage, or in doubt
     * until the in-doubt window ends) and SENT (webhook still to come) are waited for.
     */
    private NoticeSnapshot settle(String notice, int attempt) {
        try {
            await().atMost(profile.settleTimeout()).pollInterval(Duration.ofSeconds(1)).until(() -> {
                NoticeSnapshot now = NoticeSnapshot.of(api, notice);
                return now.targets().size() == residents.size()
                        && now.targets().values().stream().allMatch(t -> t.attempt() >= attempt)
                        && now.settled();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            log("!! notice " + notice + " not settled after " + profile.settleTimeout());
        }
        // the projections may still be behind on results the stats already counted: compare once they caught up
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        return NoticeSnapshot.of(api, notice);
    }

    /** A row from a settled snapshot: exact when the stats and history match the table and no target is in a wrong state. */
    private Row row(NoticeSnapshot after, int duplicates, int wrong, String notes) {
        List<String> problems = after.inconsistencies();
        problems.forEach(p -> log("!! " + p));
        int lost = (int) after.notFinal() + wrong;
        return new Row("", after.targets().size(), problems.isEmpty() && lost == 0, duplicates, lost, notes);
    }

    private int allDelivered(NoticeSnapshot after) {
        return (int) after.targets().values().stream().filter(t -> t.isFinal() && !t.is("DELIVERED", null)).count();
    }

    private int acceptedSince(Map<String, Integer> before, int generation) {
        Map<String, Integer> now = simulator.accepted();
        int count = 0;
        for (int i = 0; i < residents.size(); i++) {
            String address = email(i, generation, "example.com");
            count += now.getOrDefault(address, 0) - before.getOrDefault(address, 0) > 0 ? 1 : 0;
        }
        return count;
    }

    private int duplicates(Map<String, Integer> before, Map<String, Integer> after, int generation) {
        int duplicates = 0;
        for (int i = 0; i < residents.size(); i++) {
            String address = email(i, generation, "example.com");
            duplicates += Math.max(0, after.getOrDefault(address, 0) - before.getOrDefault(address, 0) - 1);
        }
        return duplicates;
    }

    private static void expect(List<String> problems, String what, int status, int expected) {
        if (status != expected) {
            problems.add(what + ": " + status + " instead of " + expected);
        }
    }

    private long logSize(String name) {
        try {
            return Files.size(platform.logFile(name));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The component's log written since {@code from} (a restart appends to the same file). */
    private String logSince(String name, long from) {
        try {
            byte[] all = Files.readAllBytes(platform.logFile(name));
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static <T> List<T> parallel(int count, Function<Integer, T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> f : futures) {
                values.add(f.get());
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void log(String line) {
        System.out.println(line);
    }

    /** Where the platform keeps its data and its processes' logs. */
    public java.nio.file.Path dataDir() {
        return platform.settings().dataDir();
    }

    @Override
    public void close() {
        platform.close();
    }
}
