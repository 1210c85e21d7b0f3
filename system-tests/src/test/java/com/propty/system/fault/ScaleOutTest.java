package com.propty.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.launcher.Platform;
import com.propty.launcher.PlatformSettings;
import com.propty.system.Api;
import com.propty.system.EventStream;
import com.propty.system.Simulator;
import com.propty.testsupport.InternalTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12's proof: two instances of every service (and of the gateway) on a three-node Kafka cluster, a platform of
 * its own. A notice to {@value #RESIDENTS} residents, one in four with an address SendGrid refuses; the addresses
 * fixed; a FAILED_ONLY resend during which one instance of each service is killed (kill -9, not restarted) and one
 * broker is stopped, then started again. Exact at the end: statistics equal the table, the history its targets, every
 * target final (0 lost results), no address accepted twice (0 duplicate sends); a live stream on each notice-service
 * instance sees the notice's progress, whichever instance projects it, and the survivor's after the kill.
 */
class ScaleOutTest {

    static final int RESIDENTS = 1200;
    static final int BATCH = FaultProfile.SENDGRID_BATCH;
    /** Kafka nodes: 3 in {@code mvn verify}; {@code -Dscale.brokers=1} runs the instance half alone (a quicker look). */
    static final int BROKERS = Integer.getInteger("scale.brokers", 3);

    final String property = "scale-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aResendStaysExactWhileOneInstanceOfEachServiceIsKilledAndABrokerRestarts() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path data = Files.createDirectories(home.resolve("system-tests/target/scale-" + System.currentTimeMillis()));
        PlatformSettings settings = PlatformSettings.randomPorts(home, data, environment()).withTopology(2, BROKERS);
        try (Platform platform = Platform.start(settings, line -> System.out.println("[scale] " + line))) {
            Api api = Api.signIn(settings.gatewayUrl(), "scale-manager", property);
            Simulator simulator = new Simulator(settings.simulatorUrl());

            importResidents(api, 0);
            String notice = api.ok(api.post("/api/properties/" + property + "/notices", Map.of("title", "Scale out",
                    "body", "Lift maintenance on Friday.", "channels", List.of("EMAIL"))), 201).get("id").asString();
            api.ok(api.post("/api/notices/" + notice + "/send", null), 202);
            ResultsTopic results = new ResultsTopic(settings.kafkaBootstrap());
            NoticeSnapshot sent = settle(api, results, notice, RESIDENTS / 4);
            assertThat(sent.stats().get("email").get("failed").asInt()).isEqualTo(RESIDENTS / 4);

            importResidents(api, 1); // the refused addresses fixed
            String internal = InternalTokens.manager("scale-manager", property);
            List<EventStream> streams = new ArrayList<>();
            for (String instance : settings.instancesOf("notice-service")) {
                streams.add(new EventStream("http://localhost:" + settings.portOf(instance), internal, notice));
            }
            simulator.latency("sendgrid", 250);
            JsonNode accepted = api.ok(api.post("/api/notices/" + notice + "/resends",
                    Map.of("scope", "FAILED_ONLY")), 202);
            assertThat(accepted.get("emails").asInt()).isEqualTo(RESIDENTS / 4);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fixedAccepted(simulator) >= RESIDENTS / 12);
            // each stream opens with the notice as it is; an update after that came from the projection, wherever it ran
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    streams.stream().allMatch(stream -> count(stream.events(), "notice") >= 2));

            for (String service : PlatformSettings.SERVICES) {
                platform.kill(PlatformSettings.instanceName(service, 2));
            }
            if (BROKERS > 1) {
                platform.kill("kafka-2");
            }
            int acceptedAtKill = fixedAccepted(simulator);
            System.out.println("[scale] killed the second instance of every service and stopped kafka-2 with "
                    + acceptedAtKill + " of " + RESIDENTS / 4 + " accepted");
            int eventsAtKill = streams.get(0).events().size();
            CompletableFuture<Void> broker = BROKERS > 1
                    ? CompletableFuture.runAsync(() -> platform.restart("kafka-2")) : CompletableFuture.completedFuture(null);
            simulator.latency("sendgrid", 0);
            NoticeSnapshot after = settle(api, results, notice, 0);
            broker.join();

            assertThat(after.inconsistencies()).as("statistics, table and history agree").isEmpty();
            assertThat(after.notFinal()).as("lost results: targets never final").isZero();
            int wrong = 0;
            int inDoubt = 0;
            for (NoticeSnapshot.TargetState t : after.targets().values()) {
                boolean fixed = t.address() != null && t.address().contains("g1.");
                boolean right = fixed ? t.attempt() == 2 && (t.is("DELIVERED", null) || t.is("FAILED", "SEND_IN_DOUBT"))
                        : t.attempt() == 1 && t.is("DELIVERED", null);
                inDoubt += t.is("FAILED", "SEND_IN_DOUBT") ? 1 : 0;
                wrong += right ? 0 : 1;
            }
            assertThat(wrong).as("targets in a state the faults cannot explain").isZero();
            assertThat(duplicates(simulator)).as("addresses accepted more than once").isZero();
            System.out.println("[scale] settled: " + after.stats().get("email") + ", in doubt " + inDoubt);

            // each stream saw the notice's progress before the kill (awaited above): one of the two instances did not
            // project it; the survivor's went on after the kill
            assertThat(streams.get(0).events().subList(eventsAtKill, streams.get(0).events().size()))
                    .as("the survivor's stream after the kill").contains("notice");
            streams.forEach(EventStream::close);
        }
    }

    private static long count(List<String> events, String name) {
        return events.stream().filter(name::equals).count();
    }

    /** The property's residents through the import API; generation 1 fixes the addresses generation 0 made refused. */
    private void importResidents(Api api, int generation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            boolean refused = i % 4 == 0;
            if (generation == 1 && !refused) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("externalId", "ext-" + i);
            row.put("name", String.format("Resident %05d", i));
            row.put("email", generation == 0 && refused ? address(i, 0, "invalid.example")
                    : address(i, generation, "example.com"));
            row.put("unit", String.valueOf(i));
            rows.add(row);
        }
        JsonNode report = api.ok(api.post("/api/properties/" + property + "/residents:import", rows), 200);
        assertThat(report.get("rejected")).isEmpty();
    }

    private String address(int resident, int generation, String domain) {
        return "r" + resident + "g" + generation + "." + property + "@" + domain;
    }

    private int fixedAccepted(Simulator simulator) {
        return (int) simulator.accepted().entrySet().stream()
                .filter(e -> e.getKey().contains("g1." + property) && e.getValue() > 0).count();
    }

    private int duplicates(Simulator simulator) {
        return simulator.accepted().entrySet().stream().filter(e -> e.getKey().contains(property))
                .mapToInt(e -> Math.max(0, e.getValue() - 1)).sum();
    }

    /** Waits until every resident is a target with a final answer and {@code failed} emails are FAILED. */
    private NoticeSnapshot settle(Api api, ResultsTopic results, String notice, int failed) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode email = api.ok(api.get("/api/notices/" + notice), 200).get("stats").get("email");
            return email.get("total").asInt() == RESIDENTS && NoticeSnapshot.settled(email)
                    && (failed == 0 || email.get("failed").asInt() == failed);
        });
        // notice-service's stats are final; history-service's projection may still be behind on those results (its
        // killed instance's partitions move to the survivor after a rebalance): compare once every projection caught up
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(120));
        return NoticeSnapshot.of(api, notice);
    }

    private static Map<String, String> environment() {
        // the sends in flight in the killed delivery-service are called in doubt by the survivor's sweeper
        Map<String, String> env = FaultProfile.shortWindows(Duration.ofSeconds(45), Duration.ofSeconds(3));
        // the same secret as the test's internal tokens, to open streams on each instance as the gateway would
        env.put("INTERNAL_TOKEN_SECRET", InternalTokens.LOCAL_SECRET);
        return env;
    }
}
