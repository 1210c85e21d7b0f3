package com.propty.system.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.propty.system.Api;
import com.propty.system.Journey;
import com.propty.system.RunningPlatform;
import com.propty.testsupport.UserTokens;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authorization as a generated matrix: every request mapping of the four services' controllers (read by reflection
 * from their jars, so a new endpoint is in the matrix the day it is written) × every kind of caller that must not get
 * in, sent through the real gateway of the shared platform. A mapping without a row in {@link #TABLE} fails the test:
 * a new endpoint has to be classified. The callers' tokens all name the victim property and a manager role, so only
 * the defect of each one is what is refused; the foreign manager's token is valid, for another property.
 */
class AuthorizationMatrixTest {

    /** The services' packages; the gateway's own {@code /dev/token} is local-profile only and no part of the API. */
    private static final List<String> SERVICE_PACKAGES = List.of("com.propty.notice", "com.propty.resend",
            "com.propty.delivery", "com.propty.history");

    enum Caller { NO_TOKEN, EXPIRED, OTHER_KEY, ALG_NONE, GARBAGE, RESIDENT_ROLE, NO_ROLE, OTHER_PROPERTY_MANAGER }

    /** What every {@code /api/**} endpoint answers each caller, unless its row says otherwise. */
    static final Map<Caller, Integer> API = expect(401, 401, 401, 401, 401, 403, 403, 404);
    /** {@code /internal/**} is never routed by the gateway (service tokens only, between services). */
    static final Map<Caller, Integer> NOT_ROUTED = expect(404, 404, 404, 404, 404, 404, 404, 404);
    /**
     * {@code /webhooks/**} is not under {@code /api}: the gateway reads no user token there, the provider's signature
     * is the credential, and an unsigned callback is 401 INVALID_SIGNATURE whoever sends it.
     */
    static final Map<Caller, Integer> PROVIDER_SIGNED = expect(401, 401, 401, 401, 401, 401, 401, 401);

    /**
     * One request per content type an endpoint takes; {@code target} is the path with its variables, then any query.
     * Bodies are valid, so that nothing but the caller decides the answer, and as harmful as the endpoint allows
     * (archiveMissing, a send), so that a door left open would show in the victim's state.
     */
    record Variant(String target, String contentType, String body) {
    }

    record Row(Map<Caller, Integer> expected, String note, List<Variant> variants) {
    }

    static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static {
        String json = "application/json";
        api("POST /api/properties/{propertyId}/residents", json, "{\"name\":\"Intruder\"}");
        api("GET /api/properties/{propertyId}/residents", null, null);
        row("POST /api/properties/{propertyId}/residents:import", API, "CSV and JSON; archiveMissing would archive all",
                new Variant("/api/properties/{propertyId}/residents:import?archiveMissing=true", "text/csv",
                        "name\nIntruder\n"),
                new Variant("/api/properties/{propertyId}/residents:import?archiveMissing=true", json,
                        "[{\"name\":\"Intruder\"}]"));
        api("GET /api/residents/{residentId}", null, null);
        api("PATCH /api/residents/{residentId}", json, "{\"name\":\"Intruder\"}");
        api("DELETE /api/residents/{residentId}", null, null);
        // creating a notice in a property one does not manage: 404 for the property, like every other foreign id
        row("POST /api/properties/{propertyId}/notices", API, "another property's: 404 Property",
                new Variant("/api/properties/{propertyId}/notices", json,
                        "{\"title\":\"Intruder\",\"body\":\"B\",\"channels\":[\"EMAIL\"]}"));
        api("GET /api/properties/{propertyId}/notices", null, null);
        api("GET /api/notices/{noticeId}", null, null);
        onDraft("PATCH /api/notices/{noticeId}", json, "{\"title\":\"Intruder\"}");
        onDraft("DELETE /api/notices/{noticeId}", null, null);
        onDraft("POST /api/notices/{noticeId}/send", null, null);
        onDraft("POST /api/notices/{noticeId}/schedule", json, "{\"sendAt\":\"2099-01-01T00:00:00Z\"}");
        onDraft("POST /api/notices/{noticeId}/cancel", null, null);
        api("PUT /api/notices/{noticeId}/urgent", json, "{\"reason\":\"Intruder\"}");
        api("DELETE /api/notices/{noticeId}/urgent", null, null);
        api("GET /api/notices/{noticeId}/recipients", null, null);
        api("GET /api/notices/{noticeId}/recipients/export", null, null);
        api("GET /api/notices/{noticeId}/stream", null, null);
        api("GET /api/notices/{noticeId}/resend-options", null, null);
        api("POST /api/notices/{noticeId}/resend-options", json, "{}");
        api("POST /api/notices/{noticeId}/resends", json, "{\"scope\":\"FAILED_ONLY\"}");
        api("GET /api/notices/{noticeId}/resends", null, null);
        // two handlers: JSON pages, and CSV for Accept: text/csv (the .csv path reaches the same export)
        api("GET /api/notices/{noticeId}/resends/{resendId}/targets", null, null);
        api("GET /api/notices/{noticeId}/resends/{resendId}/targets.csv", null, null);
        api("GET /api/properties/{propertyId}/settings", null, null);
        // the property is checked before the role (PROPERTY_ADMIN), so another property's manager is 404
        api("PATCH /api/properties/{propertyId}/settings", json, "{\"timeZone\":\"Pacific/Kiritimati\"}");
        row("GET /api/properties/{propertyId}/audit", expect(401, 401, 401, 401, 401, 403, 403, 403),
                "PROPERTY_ADMIN only: the role is checked before the property, so another property's manager is 403",
                new Variant("/api/properties/{propertyId}/audit", null, null));
        row("GET /internal/notices/{noticeId}", NOT_ROUTED, "notice-service's owner endpoint for resend/history",
                new Variant("/internal/notices/{noticeId}", null, null));
        row("GET /internal/notices/{noticeId}/delivery-states", NOT_ROUTED, "for resend-service",
                new Variant("/internal/notices/{noticeId}/delivery-states", null, null));
        row("POST /internal/notices/{noticeId}/delivery-states", NOT_ROUTED, "for resend-service, with a selection",
                new Variant("/internal/notices/{noticeId}/delivery-states", json, "{\"recipientIds\":[]}"));
        row("POST /webhooks/sendgrid/events", PROVIDER_SIGNED, "SendGrid's ECDSA signature, not a user token",
                new Variant("/webhooks/sendgrid/events", json, "[]"));
        row("POST /webhooks/twilio/status", PROVIDER_SIGNED, "Twilio's HMAC signature, not a user token",
                new Variant("/webhooks/twilio/status", "application/x-www-form-urlencoded", "MessageStatus=delivered"));
    }

    /** A row of the default {@link #API} expectations; the mapping's path variables are the request's. */
    private static void api(String endpoint, String contentType, String body) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        row(endpoint, API, "", new Variant(path, contentType, body));
    }

    /** The same, on the victim's draft: what a notice endpoint that changes state would change. */
    private static void onDraft(String endpoint, String contentType, String body) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{noticeId}", "{draftId}");
        row(endpoint, API, "on the draft", new Variant(path, contentType, body));
    }

    private static void row(String endpoint, Map<Caller, Integer> expected, String note, Variant... variants) {
        TABLE.put(endpoint, new Row(expected, note, List.of(variants)));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(String endpoint, Variant variant, Caller caller, int status, String body) {
    }

    @TestFactory
    List<DynamicTest> everyEndpointRefusesEveryCallerWhoIsNotItsManager() throws Exception {
        Map<String, List<Set<String>>> mappings = mappings();
        // The victim: a property with residents, a draft and a sent notice, and unique words to look for in answers.
        Journey victim = new Journey();
        String marker = "Victim" + UUID.randomUUID().toString().substring(0, 8);
        victim.resident(marker + " Alice", victim.email("alice", "example.com"), "+15145550001");
        // Bob's email fails, so the sent notice has a resend whose detail is behind the resend routes
        victim.resident(marker + " Bob", victim.email("bob", "invalid.example"), null);
        String draft = victim.draft(null);
        String sent = victim.sendToAll();
        victim.settled(sent); // its stats are part of the state that must not change
        String resend = victim.resendFailuresSettled(sent);
        Map<String, String> variables = Map.of("propertyId", victim.property, "residentId",
                victim.id(marker + " Alice"), "noticeId", sent, "draftId", draft, "resendId", resend);
        List<String> secrets = List.of(marker, victim.email("alice", "example.com"), "+15145550001",
                victim.email("bob", "invalid.example"));
        Map<String, Object> before = state(victim.api, victim.property, sent, draft, resend);

        Map<Caller, String> tokens = tokens(victim.property);
        List<Future<Outcome>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            TABLE.forEach((endpoint, row) -> {
                for (Variant variant : row.variants()) {
                    for (Caller caller : Caller.values()) {
                        futures.add(pool.submit(() -> call(endpoint, variant, caller, tokens.get(caller), variables)));
                    }
                }
            });
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return tests(mappings, outcomes, secrets, () -> assertThat(state(victim.api, victim.property, sent, draft, resend))
                    .as("the victim property after the matrix").isEqualTo(before));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<DynamicTest> tests(Map<String, List<Set<String>>> mappings, List<Outcome> outcomes,
            List<String> secrets, org.junit.jupiter.api.function.Executable unchanged) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("every request mapping of the services has a row", () -> assertThat(TABLE.keySet())
                .as("classify each new endpoint in AuthorizationMatrixTest.TABLE").containsAll(mappings.keySet())));
        tests.add(dynamicTest("every row is a request mapping of the services", () -> assertThat(mappings.keySet())
                .as("rows of endpoints that no longer exist").containsAll(TABLE.keySet())));
        mappings.forEach((endpoint, handlers) -> tests.add(dynamicTest(endpoint + " reaches each of its handlers",
                () -> {
                    Row row = TABLE.get(endpoint);
                    assertThat(row).as("row").isNotNull();
                    Set<String> sent = new TreeSet<>();
                    row.variants().forEach(v -> sent.add(v.contentType() == null ? "" : v.contentType()));
                    for (Set<String> consumes : handlers) {
                        assertThat(consumes.isEmpty() || consumes.stream().anyMatch(sent::contains))
                                .as("a variant with a content type of " + consumes + " (sent: " + sent + ")").isTrue();
                    }
                })));
        for (Outcome outcome : outcomes) {
            int expected = TABLE.get(outcome.endpoint()).expected().get(outcome.caller());
            tests.add(dynamicTest(outcome.endpoint() + " " + (outcome.variant().contentType() == null ? ""
                    : "(" + outcome.variant().contentType() + ") ") + "as " + outcome.caller() + " → " + expected, () -> {
                        assertThat(outcome.status()).as("status, body " + outcome.body()).isEqualTo(expected);
                        for (String secret : secrets) {
                            assertThat(outcome.body()).as("the victim's data in the answer").doesNotContain(secret);
                        }
                    }));
        }
        tests.add(dynamicTest("nothing of the victim property changed", unchanged));
        return tests;
    }

    // ------------------------------------------------------------------------------------------ the mappings

    /**
     * {@code "METHOD path"} → for each handler method, the content types it consumes (none: any), from every
     * {@code @RestController} of the services, through Spring's own merged view of {@code @RequestMapping}.
     */
    static Map<String, List<Set<String>>> mappings() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, List<Set<String>>> mappings = new TreeMap<>();
        for (String pkg : SERVICE_PACKAGES) {
            var candidates = scanner.findCandidateComponents(pkg);
            assertThat(candidates).as("controllers in " + pkg + " (is the service a test dependency?)").isNotEmpty();
            for (var candidate : candidates) {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
                for (Method method : type.getDeclaredMethods()) {
                    RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                    if (mapping == null) {
                        continue;
                    }
                    List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : List.of(base.path());
                    List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
                    assertThat(mapping.method()).as("the HTTP method of " + method).isNotEmpty();
                    for (String prefix : prefixes) {
                        for (String path : paths) {
                            for (var httpMethod : mapping.method()) {
                                mappings.computeIfAbsent(httpMethod + " " + prefix + path, k -> new ArrayList<>())
                                        .add(new TreeSet<>(List.of(mapping.consumes())));
                            }
                        }
                    }
                }
            }
        }
        return mappings;
    }

    // ------------------------------------------------------------------------------------------ calling

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private static Outcome call(String endpoint, Variant variant, Caller caller, String token,
            Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(variant.target());
        StringBuilder target = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError("no value for {" + matcher.group(1) + "} of " + endpoint
                        + ": name the variable in the row, or add it to the victim's ids");
            }
            matcher.appendReplacement(target, value);
        }
        matcher.appendTail(target);
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningPlatform.get().settings().gatewayUrl()
                        + target)).timeout(Duration.ofSeconds(15))
                .method(method, variant.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(variant.body(), StandardCharsets.UTF_8));
        if (variant.contentType() != null) {
            request.header("Content-Type", variant.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(endpoint, variant, caller, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Outcome(endpoint, variant, caller, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each caller's token; all but the foreign manager's name the victim property. */
    private static Map<Caller, String> tokens(String property) {
        String user = "intruder-" + property;
        List<String> manager = List.of("PROPERTY_MANAGER");
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.NO_TOKEN, null);
        // past the verifier's clock skew (60 s)
        tokens.put(Caller.EXPIRED, UserTokens.local(UserTokens.claims(user, manager, Duration.ofMinutes(-10), property)
                .issueTime(java.util.Date.from(java.time.Instant.now().minus(Duration.ofMinutes(20)))).build()));
        tokens.put(Caller.OTHER_KEY, UserTokens.hs256("another-secret-" + UUID.randomUUID() + "-0123456789abcdef",
                UserTokens.claims(user, manager, Duration.ofMinutes(10), property).build()));
        tokens.put(Caller.ALG_NONE, UserTokens.algNone(UserTokens.claims(user, manager, Duration.ofMinutes(10), property)
                .build()));
        tokens.put(Caller.GARBAGE, "not-a-jwt." + UUID.randomUUID());
        tokens.put(Caller.RESIDENT_ROLE, UserTokens.local(UserTokens.claims(user, List.of("RESIDENT"), Duration.ofMinutes(10),
                property).build()));
        tokens.put(Caller.NO_ROLE, UserTokens.local(UserTokens.claims(user, List.of(), Duration.ofMinutes(10), property)
                .build()));
        tokens.put(Caller.OTHER_PROPERTY_MANAGER, UserTokens.manager(user, "other-" + property));
        return tokens;
    }

    private static Map<String, Object> state(Api api, String property, String sent, String draft, String resend) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("residents", api.ok(api.get("/api/properties/" + property + "/residents?size=200"), 200));
        state.put("notices", api.ok(api.get("/api/properties/" + property + "/notices?size=200"), 200));
        state.put("draft", api.ok(api.get("/api/notices/" + draft), 200));
        state.put("settings", api.ok(api.get("/api/properties/" + property + "/settings"), 200));
        state.put("resends", api.ok(api.get("/api/notices/" + sent + "/resends"), 200));
        state.put("resend targets", api.ok(api.get("/api/notices/" + sent + "/resends/" + resend + "/targets"), 200));
        return state;
    }

    private static Map<Caller, Integer> expect(int... statuses) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, statuses[caller.ordinal()]);
        }
        return expected;
    }
}
