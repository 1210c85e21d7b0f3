package com.propty.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import com.propty.system.Simulator;
import com.propty.testsupport.UserTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 50 parallel clients at one settled notice through the gateway, released together: resend options, resends with one
 * shared Idempotency-Key, resends with a key each, recipients pages, and the same signed SendGrid bounce posted over
 * and over. Nothing answers 5xx, and the end state is exact: one resend for the shared key, one for all the others,
 * every channel claimed once (the providers were sent each resent message once), the bounce applied once, and the
 * statistics equal the recipients table.
 *
 * <p>The two resend groups select different recipients, so which one wins a race decides nothing: the shared key
 * resends Bob's and Carol's failures, the many keys Eve's. Resends are limited to 30 a minute per user: the shared
 * key is one user's (its replays do not count), the many keys are spread over four other managers of the property.
 */
class ConcurrentClientsTest {

    private static final int CLIENTS = 50;
    private static final int REQUESTS_PER_CLIENT = 3;

    record Answer(String kind, int status, String code, JsonNode body) {
    }

    /** The two resends the race may start: the shared key's and the one of the many keys that won Eve's SMS. */
    record Resends(String shared, String many) {
    }

    @Test
    void fiftyClientsAtOneNoticeLeaveAnExactState() throws Exception {
        Journey journey = new Journey().withTheUsualMix();
        String notice = journey.sendToAll();
        journey.settled(notice);
        ResultsTopic results = new ResultsTopic(RunningPlatform.get().settings().kafkaBootstrap());
        Simulator simulator = new Simulator(RunningPlatform.get().settings().simulatorUrl());
        Map<String, Integer> sentBefore = simulator.accepted();

        List<Answer> answers = race(journey, notice, danBounce(results, notice, journey));
        Resends resends = everyAnswerIsOneTheContractAllows(answers);

        // The end state, once every result is in and projected
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            NoticeSnapshot s = NoticeSnapshot.of(journey.api, notice);
            return s.settled() && s.notFinal() == 0 && s.history().size() == 2
                    && s.targets().get(journey.id("Dan") + ":EMAIL").status().equals("FAILED");
        });
        results.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        NoticeSnapshot end = NoticeSnapshot.of(journey.api, notice);

        theHistoryHoldsTheTwoResendsAndNothingElse(end, resends);
        eachFailedChannelWasResentOnceAndTheBounceApplied(journey, end,
                answers.stream().filter(a -> a.kind().equals("webhook")).count());
        theProvidersWereSentEachResentChannelOnce(journey, sentBefore, simulator.accepted());
        assertThat(end.inconsistencies().stream().filter(p -> !p.startsWith("history")).toList())
                .as("statistics against a recount of the recipients table").isEmpty();
    }

    /** {@value #CLIENTS} clients released together, {@value #REQUESTS_PER_CLIENT} requests each: every answer. */
    private static List<Answer> race(Journey journey, String notice, String bounce) throws Exception {
        String gateway = RunningPlatform.get().settings().gatewayUrl();
        Api sharedKeyManager = journey.api;
        List<Api> otherManagers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            otherManagers.add(Api.withToken(gateway, UserTokens.manager("manager-" + i + "-" + journey.property,
                    journey.property)));
        }
        String sharedKey = UUID.randomUUID().toString();
        Map<String, Object> bobAndCarol = Map.of("scope", "SELECTED", "recipientIds",
                List.of(journey.id("Bob"), journey.id("Carol")));
        Map<String, Object> eve = Map.of("scope", "SELECTED", "recipientIds", List.of(journey.id("Eve")));
        SignedWebhooks webhooks = new SignedWebhooks(gateway);

        List<Callable<List<Answer>>> clients = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            Api manager = otherManagers.get(c % otherManagers.size());
            clients.add(() -> {
                start.countDown();
                start.await();
                List<Answer> answers = new ArrayList<>();
                for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                    answers.add(switch (c % 5) {
                        case 0 -> answer("resend-options", manager.get("/api/notices/" + notice
                                + "/resend-options?selected=" + journey.id("Alice") + "," + journey.id("Eve")));
                        case 1 -> answer("shared key", sharedKeyManager.send("POST", "/api/notices/" + notice
                                + "/resends", bobAndCarol, Map.of("Idempotency-Key", sharedKey)));
                        case 2 -> answer("many keys", manager.send("POST", "/api/notices/" + notice + "/resends", eve,
                                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                        case 3 -> answer("recipients", manager.get("/api/notices/" + notice + "/recipients?size=2&page="
                                + r));
                        default -> new Answer("webhook", webhooks.sendGrid(bounce, 0), null, null);
                    });
                }
                return answers;
            });
        }
        List<Answer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<List<Answer>> future : pool.invokeAll(clients)) {
                answers.addAll(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> byKind = answers.stream().collect(Collectors.groupingBy(a -> a.kind() + " " + a.status()
                + (a.code() == null ? "" : " " + a.code()), TreeMap::new, Collectors.counting()));
        System.out.println("[concurrency] " + answers.size() + " requests: " + byKind);
        return answers;
    }

    /** No 5xx; reads and webhooks 200; the shared key one resend replayed; one of the many keys wins, the rest 409. */
    private static Resends everyAnswerIsOneTheContractAllows(List<Answer> answers) {
        assertThat(answers).as("no 5xx, no transport error").allSatisfy(a -> assertThat(a.status()).isBetween(200, 499));
        assertThat(answers).filteredOn(a -> List.of("resend-options", "recipients", "webhook").contains(a.kind()))
                .allSatisfy(a -> assertThat(a.status()).as(a.kind()).isEqualTo(200));
        List<Answer> shared = answers.stream().filter(a -> a.kind().equals("shared key")).toList();
        assertThat(shared).as("every replay of the shared key answers the first 202")
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        Set<String> sharedIds = shared.stream().map(a -> a.body().get("resendId").asString()).collect(Collectors.toSet());
        assertThat(sharedIds).as("one resend for the shared key").hasSize(1);
        List<Answer> many = answers.stream().filter(a -> a.kind().equals("many keys")).toList();
        assertThat(many).filteredOn(a -> a.status() == 202).as("one resend of Eve's SMS among the many keys").hasSize(1);
        assertThat(many).filteredOn(a -> a.status() != 202).as("the others are refused with a reason")
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.code()).isNotBlank();
                });
        return new Resends(sharedIds.iterator().next(), many.stream().filter(a -> a.status() == 202).findFirst()
                .orElseThrow().body().get("resendId").asString());
    }

    private static void theHistoryHoldsTheTwoResendsAndNothingElse(NoticeSnapshot end, Resends resends) {
        Map<String, JsonNode> history = new HashMap<>();
        end.history().forEach(row -> history.put(row.get("resendId").asString(), row));
        assertThat(history.keySet()).as("the two resends, nothing else").containsExactlyInAnyOrder(resends.shared(),
                resends.many());
        JsonNode sharedRow = history.get(resends.shared());
        assertThat(List.of(sharedRow.get("emails").asInt(), sharedRow.get("sms").asInt()))
                .as("Bob's and Carol's emails, Carol's SMS").containsExactly(2, 1);
        JsonNode manyRow = history.get(resends.many());
        assertThat(List.of(manyRow.get("emails").asInt(), manyRow.get("sms").asInt())).as("Eve's SMS")
                .containsExactly(0, 1);
    }

    private static void eachFailedChannelWasResentOnceAndTheBounceApplied(Journey journey, NoticeSnapshot end,
            long bouncesPosted) {
        Map<String, Integer> attempts = new TreeMap<>();
        end.targets().values().forEach(t -> attempts.put(name(journey, t.recipientId()) + " " + t.channel(), t.attempt()));
        assertThat(attempts).as("each failed channel resent once, nothing else").isEqualTo(Map.of(
                "Alice EMAIL", 1, "Alice SMS", 1, "Bob EMAIL", 2, "Bob SMS", 1, "Carol EMAIL", 2, "Carol SMS", 2,
                "Dan EMAIL", 1, "Dan SMS", 1, "Eve EMAIL", 1, "Eve SMS", 2));
        assertThat(end.targets().get(journey.id("Dan") + ":EMAIL").is("FAILED", "BOUNCED"))
                .as("the bounce, posted " + bouncesPosted + " times, applied").isTrue();
    }

    /** What the simulated providers accepted again during the race: Carol's email and Eve's SMS, once each. */
    private static void theProvidersWereSentEachResentChannelOnce(Journey journey, Map<String, Integer> before,
            Map<String, Integer> after) {
        Map<String, Integer> sentByTheResends = new TreeMap<>();
        for (String address : List.of(journey.email("alice", "example.com"), journey.email("bob", "invalid.example"),
                journey.email("carol", "bounce.example"), journey.email("dan", "example.com"),
                journey.email("eve", "example.com"), "+15145550001", "+15145550002", "+15550100003", "+15550200005")) {
            int more = after.getOrDefault(address, 0) - before.getOrDefault(address, 0);
            if (more != 0) {
                sentByTheResends.put(address, more);
            }
        }
        assertThat(sentByTheResends).as("what the providers were sent again: each resent channel once")
                .isEqualTo(Map.of(journey.email("carol", "bounce.example"), 1, "+15550200005", 1));
    }

    private static String name(Journey journey, String recipientId) {
        return journey.residents.entrySet().stream().filter(e -> e.getValue().equals(recipientId)).findFirst()
                .orElseThrow().getKey();
    }

    private static Answer answer(String kind, Api.Reply reply) {
        return new Answer(kind, reply.status(), reply.code(), reply.body());
    }

    /** SendGrid's bounce of Dan's delivered email, as the simulator's provider would sign and post it. */
    private static String danBounce(ResultsTopic results, String notice, Journey journey) {
        String dan = journey.id("Dan");
        JsonNode result = results.recordsOf(notice).stream().map(ConsumerRecord::value).map(Api.JSON::readTree)
                .filter(r -> r.get("recipientId").asString().equals(dan) && r.get("channel").asString().equals("EMAIL"))
                .findFirst().orElseThrow();
        return "[{\"email\":\"" + result.get("address").asString() + "\",\"event\":\"bounce\",\"type\":\"bounce\","
                + "\"reason\":\"550 mailbox gone\",\"status\":\"5.1.1\",\"sg_event_id\":\"concurrency-"
                + UUID.randomUUID() + "\",\"sg_message_id\":\"concurrency-message\",\"timestamp\":"
                + System.currentTimeMillis() / 1000 + ",\"notice_id\":\"" + notice + "\",\"recipient_id\":\"" + dan
                + "\",\"channel\":\"EMAIL\",\"attempt\":\"" + result.get("attempt").asInt() + "\",\"attempt_id\":\""
                + result.get("attemptId").asString() + "\"}]";
    }
}
