package com.propty.gateway;

import static com.propty.gateway.Gateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notice-service as three instances behind the gateway, the way {@code ./run.sh --instances} lists them: two that
 * answer and one whose process is gone (nothing listens on its port, as after a kill -9). Every request is answered
 * by a live instance, both share the work, and a request refused by the dead one is sent again to the next, body
 * and all, whatever its method.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class TwoInstancesGatewayTest {

    static final StubService FIRST = new StubService("notice-service");
    static final StubService SECOND = new StubService("notice-service");
    static final String GONE = "http://127.0.0.1:" + unusedPort();

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.notice-service[0].uri", FIRST::url);
        registry.add("spring.cloud.discovery.client.simple.instances.notice-service[1].uri", () -> GONE);
        registry.add("spring.cloud.discovery.client.simple.instances.notice-service[2].uri", SECOND::url);
    }

    @AfterAll
    static void stop() {
        List.of(FIRST, SECOND).forEach(StubService::close);
    }

    @LocalServerPort
    int port;

    Gateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new Gateway(port);
        FIRST.forget();
        SECOND.forget();
    }

    @Test
    void readsAreSharedByTheLiveInstancesAndNoneFails() {
        String token = bearer(Tokens.manager());
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = gateway.get("/api/notices/n" + i, "Authorization", token);
            assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isEqualTo(200);
        }

        assertThat(FIRST.received().size() + SECOND.received().size()).isEqualTo(30);
        assertThat(FIRST.received()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(SECOND.received()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aWriteRefusedByAGoneInstanceReachesALiveOneOnceWithItsWholeBody() {
        String token = bearer(Tokens.manager());
        String body = "{\"title\":\"Water shut-off\",\"body\":\"" + "x".repeat(2_000) + "\"}";
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = gateway.post("/api/properties/p1/notices", body, "Authorization", token);
            assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isEqualTo(200);
        }

        List<StubService.Received> received = new java.util.ArrayList<>(FIRST.received());
        received.addAll(SECOND.received());
        assertThat(received).hasSize(12).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.bodyBytes()).isEqualTo(body.length());
        });
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
