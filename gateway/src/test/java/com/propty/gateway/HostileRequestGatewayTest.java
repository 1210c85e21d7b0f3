package com.propty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Requests refused before routing, written byte for byte on a socket so nothing is normalised on the way: the URL
 * limit and Spring Security's firewall answer problem+json with a {@code code}; Netty's framing limits answer a bare
 * 4xx (README "Input limits"); none reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class HostileRequestGatewayTest {

    static final StubService NOTICE = new StubService("notice-service");
    static final StubService RESEND = new StubService("resend-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("propty.gateway.services.notice-service", NOTICE::url);
        registry.add("propty.gateway.services.resend-service", RESEND::url);
        registry.add("propty.gateway.services.history-service", NOTICE::url);
        registry.add("propty.gateway.services.delivery-service", NOTICE::url);
    }

    @AfterAll
    static void stopServices() {
        List.of(NOTICE, RESEND).forEach(StubService::close);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        List.of(NOTICE, RESEND).forEach(StubService::forget);
    }

    record Raw(int status, String head, String body) {
    }

    /** One request as raw bytes on a fresh connection; {@code target} is written as ISO-8859-1, byte for byte. */
    Raw raw(String target, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.manager()
                    + "\r\n" + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/notices/a%2fb                  | 400 | INVALID_REQUEST",
            "/api/notices/a%00b                  | 400 | INVALID_REQUEST",
            "/api/notices/a%5cb                  | 400 | INVALID_REQUEST",
            "/api/notices/a;b                    | 400 | INVALID_REQUEST",
            "/api/notices/%2e%2e/x               | 400 | INVALID_REQUEST",
            "LONG_ID                             | 414 | URI_TOO_LONG",
            "LONG_SELECTION                      | 414 | URI_TOO_LONG"})
    void refusedBeforeRoutingAsProblemJson(String target, int status, String code) throws IOException {
        String path = switch (target) {
            case "LONG_ID" -> "/api/notices/" + "x".repeat(9_000);
            case "LONG_SELECTION" -> "/api/notices/n1/resend-options?selected="
                    + String.join(",", java.util.Collections.nCopies(3_000, "0f8fad5b-d9cb-469f-a165-70867728950e"));
            default -> target;
        };
        assertRefused(raw(path, ""), status, code);
    }

    /** Refused by Netty's decoder or Spring's URI parsing before any filter: a bare 4xx, documented, never forwarded. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/notices/a%zzb                  | 400",
            "/api/notices/n1/recipients?q=%zz    | 400",
            "/api/notices/a b                    | 400",
            "NUL                                 | 400",
            "HUGE_LINE                           | 414",
            "HUGE_HEADERS                        | 431"})
    void framingRefusalsAreFourHundreds(String target, int status) throws IOException {
        Raw response = switch (target) {
            case "NUL" -> raw("/api/notices/a\u0000b", "");
            case "HUGE_LINE" -> raw("/api/notices/" + "x".repeat(300_000), "");
            case "HUGE_HEADERS" -> raw("/api/notices/n1", "X-Padding: " + "p".repeat(20_000) + "\r\n");
            default -> raw(target, "");
        };
        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(NOTICE.received()).as("forwarded to notice-service").isEmpty();
    }

    private static void assertRefused(Raw response, int status, String code) {
        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.head().toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = Gateway.JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(NOTICE.received()).as("forwarded to notice-service").isEmpty();
        assertThat(RESEND.received()).as("forwarded to resend-service").isEmpty();
    }
}
