package com.propty.notice.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.testsupport.InternalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projection against the real images (Apache Kafka, MongoDB 7) rather than the embedded stand-ins, to keep the
 * service honest about using only what both support. Skipped where no Docker engine runs (as on the CI machine).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class RealImagesTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("notice-service"));
    }

    @LocalServerPort
    int port;

    @Test
    void aSentNoticeProjectsItsResultsOnRealKafkaAndMongo() throws Exception {
        String resident = call("POST", "/api/properties/p1/residents",
                "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}").get("id").asString();
        String notice = call("POST", "/api/properties/p1/notices",
                "{\"title\":\"T\",\"body\":\"B\",\"channels\":[\"EMAIL\"]}").get("id").asString();
        call("POST", "/api/notices/" + notice + "/send", null);

        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA.getBootstrapServers());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            String result = "{\"eventId\":\"e1\",\"type\":\"DeliveryResult\",\"version\":1,"
                    + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"noticeId\":\"" + notice + "\",\"recipientId\":\""
                    + resident + "\",\"channel\":\"EMAIL\",\"attempt\":1,\"attemptId\":\"d1\",\"status\":\"DELIVERED\"}";
            producer.send(new ProducerRecord<>("delivery-results", notice + ":" + resident, result)).get();
            producer.send(new ProducerRecord<>("delivery-results", notice + ":" + resident, result)).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode view = call("GET", "/api/notices/" + notice, null);
            assertThat(view.get("status").asString()).isEqualTo("SENT");
            assertThat(view.get("stats").get("email").get("delivered").asInt()).isEqualTo(1);
        });
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", InternalTokens.bearer(InternalTokens.manager("u1", "p1")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
