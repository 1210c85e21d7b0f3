package com.propty.gateway;

import static com.propty.gateway.Gateway.bearer;
import static com.propty.gateway.Gateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.propty.internaltoken.InternalIdentity;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.Problems;
import com.propty.testsupport.UserTokens;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The gateway as the local run uses it (HS256 tokens, dev token endpoint), in front of stub services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s")
@ActiveProfiles("local")
class LocalProfileGatewayTest {

    static final StubService NOTICE = new StubService("notice-service");
    static final StubService RESEND = new StubService("resend-service");
    static final StubService HISTORY = new StubService("history-service");
    static final StubService DELIVERY = new StubService("delivery-service");
    static final List<StubService> ALL = List.of(NOTICE, RESEND, HISTORY, DELIVERY);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("propty.gateway.services.notice-service", NOTICE::url);
        registry.add("propty.gateway.services.resend-service", RESEND::url);
        registry.add("propty.gateway.services.history-service", HISTORY::url);
        registry.add("propty.gateway.services.delivery-service", DELIVERY::url);
    }

    @AfterAll
    static void stopServices() {
        ALL.forEach(StubService::close);
    }

    @LocalServerPort
    int port;

    Gateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new Gateway(port);
        ALL.forEach(StubService::forget);
    }

    // --- authentication and roles -------------------------------------------------------------------------

    @Test
    void a_request_without_a_token_is_401_problem_and_never_forwarded() {
        HttpResponse<String> response = gateway.get("/api/notices/n1");

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertNothingForwarded();
    }

    @Test
    void a_token_signed_with_another_key_is_401() {
        String forged = UserTokens.hs256("another-secret-of-sufficient-length-0123456789abcdef",
                Tokens.claims("u1", "PROPERTY_MANAGER", Duration.ofMinutes(5)).build());

        HttpResponse<String> response = gateway.get("/api/notices/n1", "Authorization", bearer(forged));

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertNothingForwarded();
    }

    @Test
    void an_expired_token_is_401() {
        JWTClaimsSet expired = Tokens.claims("u1", "PROPERTY_MANAGER", Duration.ofMinutes(-10)).build();

        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(UserTokens.hs256(UserTokens.LOCAL_SECRET,
                expired))), 401, "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        String unsigned = UserTokens.algNone(Tokens.claims("u1", "PROPERTY_ADMIN", Duration.ofMinutes(5)).build());

        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(unsigned)), 401, "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void a_token_without_a_subject_is_401_not_a_failure_further_on() {
        String anonymous = UserTokens.hs256(UserTokens.LOCAL_SECRET,
                Tokens.claims(null, "PROPERTY_MANAGER", Duration.ofMinutes(5)).build());

        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(anonymous)), 401, "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void a_malformed_token_or_another_scheme_is_401() {
        assertProblem(gateway.get("/api/notices/n1", "Authorization", "Bearer not-a-jwt"), 401, "UNAUTHENTICATED");
        assertProblem(gateway.get("/api/notices/n1", "Authorization", "Basic dTE6cGFzcw=="), 401,
                "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void a_user_without_a_manager_role_is_403_problem() {
        String resident = UserTokens.hs256(UserTokens.LOCAL_SECRET,
                Tokens.claims("u9", "RESIDENT", Duration.ofMinutes(5)).build());

        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(resident)), 403, "FORBIDDEN");
        assertNothingForwarded();
    }

    @Test
    void a_property_admin_is_let_through() {
        String admin = UserTokens.hs256(UserTokens.LOCAL_SECRET,
                Tokens.claims("u2", "PROPERTY_ADMIN", Duration.ofMinutes(5)).build());

        assertThat(gateway.get("/api/notices/n1", "Authorization", bearer(admin)).statusCode()).isEqualTo(200);
    }

    // --- identity forwarding and routing -------------------------------------------------------------------

    @Test
    void the_service_gets_an_internal_token_for_the_verified_identity_and_none_of_the_headers_the_client_forged() {
        String userToken = Tokens.manager();
        HttpResponse<String> response = gateway.get("/api/notices/n1/recipients?status=FAILED&page=0",
                "Authorization", bearer(userToken),
                "X-User-Id", "admin", "x-user-roles", "PROPERTY_ADMIN", "X-User-Properties", "every-property",
                "X-User-Extra", "smuggled");

        assertThat(response.statusCode()).isEqualTo(200);
        StubService.Received received = single(NOTICE);
        assertThat(received.path()).isEqualTo("/api/notices/n1/recipients");
        assertThat(received.rawQuery()).isEqualTo("status=FAILED&page=0");
        assertThat(received.headers().keySet()).noneMatch(name -> name.startsWith("x-user-"));
        String forwarded = received.header("Authorization");
        assertThat(forwarded).startsWith("Bearer ").isNotEqualTo(bearer(userToken));
        assertThat(InternalTokens.verify(forwarded.substring("Bearer ".length()))).as("what the services accept")
                .isEqualTo(new InternalIdentity("u1", "Ann Manager", List.of("PROPERTY_MANAGER"), List.of("p1", "p2")));
    }

    @Test
    void a_client_sent_internal_token_is_not_a_user_token_and_never_passed_through() {
        String internal = InternalTokens.manager("u1", "p1");

        assertProblem(gateway.get("/api/notices/n1", "Authorization", bearer(internal)), 401, "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void a_user_token_claiming_role_service_is_forwarded_without_it() {
        String claimsService = UserTokens.hs256(UserTokens.LOCAL_SECRET, Tokens.claims("u5", "PROPERTY_MANAGER",
                Duration.ofMinutes(5)).claim("roles", List.of("PROPERTY_MANAGER", "SERVICE")).build());

        assertThat(gateway.get("/api/notices/n1", "Authorization", bearer(claimsService)).statusCode()).isEqualTo(200);
        assertThat(forwardedIdentity(single(NOTICE)).roles()).containsExactly("PROPERTY_MANAGER");
    }

    @Test
    void a_name_in_any_script_arrives_intact_and_a_missing_name_falls_back_to_the_subject() {
        String accented = UserTokens.hs256(UserTokens.LOCAL_SECRET, Tokens.claims("u3", "PROPERTY_MANAGER",
                Duration.ofMinutes(5)).claim("name", "Zoé Côté 王芳").build());
        String nameless = UserTokens.hs256(UserTokens.LOCAL_SECRET, Tokens.claims("u4", "PROPERTY_MANAGER",
                Duration.ofMinutes(5)).claim("name", null).build());

        gateway.get("/api/notices/n1", "Authorization", bearer(accented));
        gateway.get("/api/notices/n2", "Authorization", bearer(nameless));

        assertThat(NOTICE.received()).extracting(r -> forwardedIdentity(r).name()).containsExactly("Zoé Côté 王芳", "u4");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/notices/n1/resends,               history-service",
            "GET,    /api/notices/n1/resends/s1/targets,    history-service",
            "GET,    /api/notices/n1/resends/s1/targets.csv, history-service",
            "GET,    /api/notices/n1/resends/s1/other,      notice-service",
            "GET,    /api/properties/p1/audit,              history-service",
            "GET,    /api/properties/p1/audit/x,            notice-service",
            "POST,   /api/notices/n1/resends,               resend-service",
            "GET,    /api/notices/n1/resend-options,        resend-service",
            "POST,   /api/notices/n1/resend-options,        resend-service",
            "GET,    /api/notices/n1,                       notice-service",
            "POST,   /api/notices/n1/send,                  notice-service",
            "GET,    /api/notices/n1/recipients/export,     notice-service",
            "POST,   /api/properties/p1/notices,            notice-service",
            "GET,    /api/properties/p1/residents,          notice-service",
            "PATCH,  /api/residents/r1,                     notice-service",
            "DELETE, /api/residents/r1,                     notice-service"})
    void each_path_goes_to_the_service_that_owns_it(String method, String path, String service) {
        HttpResponse<String> response = gateway.send(gateway.request(path, "Authorization", bearer(Tokens.manager()),
                "Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("service", service).containsEntry("method", method)
                .containsEntry("path", path);
    }

    @Test
    void a_request_continues_the_callers_trace_and_one_without_a_trace_starts_one() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager()),
                "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
        // the same trace, from the gateway's own span of the call
        assertThat(single(NOTICE).header("traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");

        NOTICE.forget();
        gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager()));
        // a new trace, recorded or not as the sampling decides (one in ten by default): its ids travel either way
        assertThat(single(NOTICE).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain(trace);
    }

    @Test
    void a_safe_client_request_id_is_forwarded_and_answered_and_anything_else_is_replaced_by_a_uuid() {
        HttpResponse<String> kept = gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager()),
                "X-Request-Id", "web-0123456789");
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("web-0123456789");
        assertThat(single(NOTICE).header("X-Request-Id")).isEqualTo("web-0123456789");

        NOTICE.forget();
        HttpResponse<String> replaced = gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager()),
                "X-Request-Id", "<script>" + "x".repeat(80));
        String generated = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(single(NOTICE).header("X-Request-Id")).isEqualTo(generated);

        NOTICE.forget();
        String none = gateway.get("/api/notices/n1", "Authorization", bearer(Tokens.manager())).headers()
                .firstValue("X-Request-Id").orElseThrow();
        assertThat(single(NOTICE).header("X-Request-Id")).isEqualTo(none).matches("[0-9a-f-]{36}");
    }

    @Test
    void both_roles_reach_the_audit_trail_whose_service_decides() {
        String admin = UserTokens.hs256(UserTokens.LOCAL_SECRET,
                Tokens.claims("u2", "PROPERTY_ADMIN", Duration.ofMinutes(5)).build());
        assertThat(gateway.get("/api/properties/p1/audit?size=5", "Authorization", bearer(admin)).statusCode())
                .isEqualTo(200);
        assertThat(gateway.get("/api/properties/p1/audit", "Authorization", bearer(Tokens.manager())).statusCode())
                .isEqualTo(200);
        assertThat(HISTORY.received()).hasSize(2);
        assertThat(NOTICE.received()).isEmpty();
    }

    @Test
    void a_problem_from_a_service_passes_through_untouched() {
        HttpResponse<String> response = gateway.post("/api/notices/n1/conflict", "{}",
                "Authorization", bearer(Tokens.manager()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(StubService.CONFLICT_PROBLEM);
    }

    @Test
    void provider_webhooks_reach_delivery_service_whatever_their_authorization_header_and_without_a_jwt() {
        String form = "MessageSid=SM1&MessageStatus=delivered";
        HttpResponse<String> twilio = gateway.send(gateway.request("/webhooks/twilio/status?n=n1&r=r1&a=1&id=d1",
                        "Authorization", "Bearer not-a-jwt-at-all", "X-Twilio-Signature", "sig",
                        "X-User-Id", "forged", "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        HttpResponse<String> sendgrid = gateway.post("/webhooks/sendgrid/events", "[]",
                "Authorization", "Basic c2VuZGdyaWQ6c2VjcmV0");

        assertThat(twilio.statusCode()).isEqualTo(200);
        assertThat(sendgrid.statusCode()).isEqualTo(200);
        List<StubService.Received> received = DELIVERY.received();
        assertThat(received).extracting(StubService.Received::path)
                .containsExactly("/webhooks/twilio/status", "/webhooks/sendgrid/events");
        StubService.Received callback = received.get(0);
        assertThat(callback.rawQuery()).isEqualTo("n=n1&r=r1&a=1&id=d1");
        assertThat(callback.bodyBytes()).isEqualTo(form.length());
        assertThat(callback.header("X-Twilio-Signature")).isEqualTo("sig");
        assertThat(callback.header("Authorization")).isEqualTo("Bearer not-a-jwt-at-all");
        assertThat(callback.header("X-User-Id")).as("identity headers are never taken from a client").isNull();
    }

    @Test
    void server_sent_events_stream_through_one_by_one_even_when_they_open_after_the_response_timeout() throws Exception {
        HttpResponse<Stream<String>> response = gateway.send(gateway.request("/api/notices/n1/stream",
                "Authorization", bearer(Tokens.manager()), "Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));

        try (Stream<String> lines = response.body()) {
            Iterator<String> events = lines.filter(line -> line.startsWith("data:")).iterator();
            String first = CompletableFuture.supplyAsync(events::next).get(5, TimeUnit.SECONDS);
            assertThat(first).isEqualTo("data: {\"n\":1}");
            assertThat(NOTICE.secondEventSent()).as("the first event arrived before the second was sent").isFalse();

            NOTICE.releaseSecondEvent();
            String second = CompletableFuture.supplyAsync(events::next).get(5, TimeUnit.SECONDS);
            assertThat(second).isEqualTo("data: {\"n\":2}");
        } finally {
            NOTICE.releaseSecondEvent();
        }
    }

    @Test
    void a_service_that_does_not_answer_in_time_is_504_problem() {
        assertProblem(gateway.get("/api/notices/n1/slow", "Authorization", bearer(Tokens.manager())), 504,
                "GATEWAY_TIMEOUT");
    }

    // --- what is not routed ---------------------------------------------------------------------------------

    @Test
    void an_unknown_api_path_is_404_problem_once_authenticated_and_401_before() {
        assertProblem(gateway.get("/api/unknown/thing", "Authorization", bearer(Tokens.manager())), 404, "NOT_FOUND");
        assertProblem(gateway.get("/api/unknown/thing"), 401, "UNAUTHENTICATED");
        assertNothingForwarded();
    }

    @Test
    void internal_service_apis_are_never_reachable_through_the_gateway() {
        assertProblem(gateway.get("/internal/notices/n1/delivery-states"), 404, "NOT_FOUND");
        assertProblem(gateway.get("/internal/notices/n1/delivery-states", "Authorization", bearer(Tokens.manager())),
                404, "NOT_FOUND");
        HttpResponse<String> encodedDots = gateway.get("/api/notices/%2e%2e/%2e%2e/internal/notices/n1/delivery-states",
                "Authorization", bearer(Tokens.manager()));
        HttpResponse<String> plainDots = gateway.get("/api/notices/../../internal/notices/n1/delivery-states",
                "Authorization", bearer(Tokens.manager()));

        assertThat(encodedDots.statusCode()).isBetween(400, 404);
        assertThat(plainDots.statusCode()).isBetween(400, 404);
        assertNothingForwarded();
    }

    // --- request size -----------------------------------------------------------------------------------------

    @Test
    void a_body_over_one_mebibyte_is_413_problem() {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> response = gateway.send(gateway.request("/api/properties/p1/residents",
                "Authorization", bearer(Tokens.manager()), "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertNothingForwarded();
    }

    @Test
    void a_chunked_body_that_grows_over_the_limit_is_413_problem() {
        byte[] body = new byte[1024 * 1024 + 4096];

        HttpResponse<String> response = gateway.send(gateway.request("/api/properties/p1/residents",
                "Authorization", bearer(Tokens.manager()), "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)))
                .build());

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_body_at_the_limit_is_forwarded() {
        byte[] body = new byte[1024 * 1024];

        HttpResponse<String> response = gateway.send(gateway.request("/api/properties/p1/residents",
                "Authorization", bearer(Tokens.manager()), "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(single(NOTICE).bodyBytes()).isEqualTo(body.length);
    }

    // --- dev token, health, page ------------------------------------------------------------------------------

    @Test
    void the_dev_token_endpoint_issues_a_token_the_gateway_accepts() {
        HttpResponse<String> issued = gateway.post("/dev/token", "{\"sub\":\"u7\",\"name\":\"Ann\","
                + "\"roles\":[\"PROPERTY_MANAGER\"],\"properties\":[\"demo-property\"],\"ttlSeconds\":3600}");
        assertThat(issued.statusCode()).isEqualTo(200);
        String token = (String) json(issued).get("token");

        HttpResponse<String> routed = gateway.get("/api/properties/demo-property/notices",
                "Authorization", bearer(token));

        assertThat(routed.statusCode()).isEqualTo(200);
        StubService.Received received = single(NOTICE);
        assertThat(forwardedIdentity(received)).isEqualTo(new InternalIdentity("u7", "Ann", List.of("PROPERTY_MANAGER"),
                List.of("demo-property")));
    }

    @Test
    void the_dev_token_endpoint_refuses_a_request_without_a_subject_or_with_broken_json() {
        HttpResponse<String> noSubject = gateway.post("/dev/token", "{\"roles\":[\"PROPERTY_MANAGER\"]}");
        assertProblem(noSubject, 400, "VALIDATION_FAILED");
        assertThat(noSubject.body()).contains("\"field\":\"sub\"");

        assertProblem(gateway.post("/dev/token", "{\"sub\":"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void health_and_metrics_are_open() {
        HttpResponse<String> health = gateway.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health)).containsEntry("status", "UP");

        HttpResponse<String> metrics = gateway.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void the_page_is_served_without_a_token_and_with_security_headers() {
        HttpResponse<String> page = gateway.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("<!doctype html>");
        Map<String, List<String>> headers = page.headers().map();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers).containsKey("cache-control");
    }

    @Test
    void paths_outside_the_known_ones_are_denied_by_default() {
        assertProblem(gateway.get("/admin/secrets"), 401, "UNAUTHENTICATED");
    }

    // ----------------------------------------------------------------------------------------------------------

    /** The services' problem check, and the members the gateway's own problems always carry. */
    static void assertProblem(HttpResponse<String> response, int status, String code) {
        JsonNode problem = Problems.assertProblem(response, status, code);
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.has("type") && problem.has("title") && problem.has("detail")).as(response.body()).isTrue();
    }

    private static void assertNothingForwarded() {
        ALL.forEach(service -> assertThat(service.received()).as("requests forwarded to a service").isEmpty());
    }

    /** The identity in the internal token the gateway forwarded, checked as the services check it. */
    static InternalIdentity forwardedIdentity(StubService.Received received) {
        String authorization = received.header("Authorization");
        assertThat(authorization).as("the forwarded internal token").startsWith("Bearer ");
        return InternalTokens.verify(authorization.substring("Bearer ".length()));
    }

    private static StubService.Received single(StubService service) {
        assertThat(service.received()).hasSize(1);
        return service.received().get(0);
    }
}
