package com.propty.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Topics;
import com.propty.notice.stream.LiveUpdateListener;
import com.propty.testsupport.DirectCalls;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.TestInfrastructure;
import com.propty.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every integration test of the module (same configuration, so Spring caches
 * it): a real Kafka broker and a MongoDB-wire server from TestInfrastructure, HTTP on a random port
 * called with the internal token the gateway would forward, and raw Kafka clients for the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"propty.notice.scheduler-interval-ms=300", "propty.notice.stream.notice-interval-ms=200",
                "propty.notice.stats-interval-ms=200"})
@ActiveProfiles("local")
public abstract class ServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected LiveUpdateListener liveUpdates;

    protected record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
    }

    /** As manager user-1 of {@code properties} (comma-separated), or with no token at all when they are null. */
    protected Response call(String method, String path, Object body, String properties) {
        return call(method, path, "application/json", body, properties);
    }

    /** The same with a body of another media type (a CSV file). */
    protected Response call(String method, String path, String mediaType, Object body, String properties) {
        return callWithToken(method, path, body, properties == null ? null : InternalTokens.forCaller("user-1", "Manager One",
                List.of("PROPERTY_MANAGER"), List.of(properties.split(","))), "Content-Type", mediaType);
    }

    /** As resend-service calls the internal API. */
    protected Response callAsService(String path) {
        return callWithToken("GET", path, null, InternalTokens.forService("resend-service"));
    }

    /** With this internal token (none when null) and these extra headers (name, value, …). */
    protected Response callWithToken(String method, String path, Object body, String token, String... headers) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpResponse<String> response = new DirectCalls(port).send(method, path, token, text, headers);
        JsonNode json = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && !response.body().isEmpty()) {
            json = JSON.readTree(response.body());
        }
        return new Response(response.statusCode(), json, response.body(), response);
    }

    protected static String newProperty() {
        return "prop-" + UUID.randomUUID();
    }

    /** Creates an email notice to every resident of the property, sends it, and returns its first dispatch chunk. */
    protected NoticeDispatchRequested sendEmailNotice(String property) {
        String noticeId = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Lift", "body", "The lift is back.", "channels", List.of("EMAIL")), property)
                .body().get("id").stringValue();
        if (call("POST", "/api/notices/" + noticeId + "/send", null, property).status() != 202) {
            throw new AssertionError("notice " + noticeId + " was not sent");
        }
        return JSON.readValue(read(Topics.NOTICE_DISPATCH_REQUESTED, r -> r.key().startsWith(noticeId + ":"), 1,
                Duration.ofSeconds(30)).get(0).value(), NoticeDispatchRequested.class);
    }

    protected String createResident(String property, String name, String email, String phone) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        Response created = call("POST", "/api/properties/" + property + "/residents", body, property);
        if (created.status() != 201) {
            throw new IllegalStateException(created.raw());
        }
        return created.body().get("id").stringValue();
    }

    protected static void publish(String topic, String key, String value) {
        TestInfrastructure.publish(topic, key, value);
    }

    /** Reads a topic from the beginning until {@code expected} records match, or the timeout passes. */
    protected static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
            int expected, Duration timeout) {
        return TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), topic, match, expected, timeout);
    }

    /** Reads the SSE stream line by line in the background, as the page's fetch does. */
    protected List<String> openStream(String noticeId, String property) throws Exception {
        return openStream(port, liveUpdates, noticeId, property);
    }

    /** The same from the instance on {@code port}, whose hint listener is {@code listener}. */
    protected static List<String> openStream(int port, LiveUpdateListener listener, String noticeId, String property)
            throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notices/" + noticeId
                        + "/stream"))
                .header("Authorization", InternalTokens.bearer(InternalTokens.manager("user-1", property)))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:notice"));
        // Live updates come through notice-changes, read from the latest offset once its consumer has partitions: a
        // hint published before that would not reach this (just started) instance.
        await().atMost(Duration.ofSeconds(30)).until(listener::isListening);
        return lines;
    }
}
