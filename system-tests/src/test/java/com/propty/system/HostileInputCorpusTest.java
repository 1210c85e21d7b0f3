package com.propty.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.propty.testsupport.UserTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The hostile corpus: every {@code /api/**} endpoint of the contract × each path variable, query parameter, body
 * field and header × classes of hostile input (malformed JSON, wrong types, unknown enum values, NUL and control
 * characters, non-UTF-8 bytes and broken percent-encodings, huge strings and arrays, oversize bodies, operator
 * injection, CR/LF in an address), sent through the real gateway of the shared platform. Each answer must be below
 * 500, and every error problem+json with a {@code code}; writes must be refused (4xx). Afterwards nothing has changed:
 * residents, notices, a sent notice's recipients, stats and resend history, and what the providers were sent.
 *
 * <p>Rate limits (send/schedule 60/min, resends 30/min per user) would otherwise be what answers most of the corpus's
 * sends and resends, so the checks behind them would go untested: each request is sent by a manager of its own (same
 * property, a token minted locally), and no answer may be 429.
 */
class HostileInputCorpusTest {

    private static final int THREADS = 4;
    /**
     * Requests the HTTP server refuses while parsing, before any filter can run (README "Input limits"): these may
     * answer a bare 400/414/431; everything else must be problem+json.
     */
    private static final List<String> FRAMING = List.of("path broken percent-encoding",
            "path truncated percent-encoding", "path raw NUL byte", "path raw control byte", "path raw space",
            "= broken percent-encoding", "= truncated percent-encoding", "Idempotency-Key control character",
            "Idempotency-Key non-UTF-8 byte", "Content-Type garbage");

    /** One generated request: {@code target} may hold raw bytes (chars below 256, written as ISO-8859-1). */
    record Case(String name, String method, String target, Map<String, String> headers, byte[] body,
            boolean mustBeRefused) {
    }

    record Outcome(Case request, int status, String contentType, String code, String error) {
    }

    private final Journey journey = new Journey().withTheUsualMix();
    private String resend;

    @TestFactory
    List<DynamicTest> everyHostileRequestIsRefusedCleanlyAndChangesNothing() throws Exception {
        String sent = journey.sendToAll();
        journey.settled(sent);
        resend = journey.resendFailuresSettled(sent); // a resend's detail to read with hostile parameters
        String draft = journey.draft(List.of("Alice"));
        String resident = journey.id("Alice");
        Map<String, Object> before = snapshot(sent, draft);

        List<Case> corpus = corpus(journey.property, resident, sent, draft, resend);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        List<Outcome> outcomes = sendAll(corpus);

        Map<String, Long> answers = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.status() + " " + o.code(), TreeMap::new, Collectors.counting()));
        System.out.println("[corpus] " + corpus.size() + " requests: " + answers);

        List<DynamicTest> tests = new ArrayList<>();
        // The corpus is only worth something if it gets past the front door to every kind of check.
        tests.add(dynamicTest("the corpus reaches every layer", () -> assertThat(answers.keySet()).contains(
                "400 INVALID_REQUEST", "400 VALIDATION_FAILED", "400 MALFORMED_REQUEST", "404 NOT_FOUND",
                "413 PAYLOAD_TOO_LARGE", "414 URI_TOO_LONG", "415 UNSUPPORTED_MEDIA_TYPE")));
        for (Outcome outcome : outcomes) {
            tests.add(dynamicTest(outcome.request().name(), () -> check(outcome)));
        }
        tests.add(dynamicTest("nothing changed after " + corpus.size() + " hostile requests",
                () -> assertThat(snapshot(sent, draft)).isEqualTo(before)));
        return tests;
    }

    private static void check(Outcome outcome) {
        assertThat(outcome.error()).as("transport").isNull();
        // 429 would mean a rate limit answered instead of the check the request is aimed at
        assertThat(outcome.status()).as("status").isLessThan(500).isNotIn(401, 403, 429);
        if (outcome.request().mustBeRefused()) {
            assertThat(outcome.status()).as("a hostile write is refused").isBetween(400, 499);
        }
        boolean framing = outcome.contentType().isEmpty() && List.of(400, 414, 431).contains(outcome.status())
                && FRAMING.stream().anyMatch(outcome.request().name()::contains);
        if (outcome.status() >= 400 && !framing) {
            assertThat(outcome.contentType()).as("content type").startsWith("application/problem+json");
            assertThat(outcome.code()).as("problem code").isNotBlank();
        }
    }

    // ------------------------------------------------------------------------------------------ sending

    private List<Outcome> sendAll(List<Case> corpus) throws Exception {
        RawHttp http = new RawHttp(RunningPlatform.get().settings().gatewayUrl());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                Case c = corpus.get(i);
                String token = UserTokens.manager("corpus-" + i + "-" + journey.property, journey.property);
                futures.add(pool.submit(() -> send(http, token, c)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome send(RawHttp http, String token, Case c) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (c.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(c.headers());
        try {
            RawHttp.Response response = http.send(c.method(), c.target(), headers, c.body());
            String contentType = response.header("content-type");
            String code = null;
            if (contentType.contains("json") && response.body().length > 0) {
                JsonNode json = Api.JSON.readTree(response.text());
                code = json.has("code") ? json.get("code").asString() : null;
            }
            return new Outcome(c, response.status(), contentType, code, null);
        } catch (Exception e) {
            return new Outcome(c, -1, "", null, e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------ what must not change

    private Map<String, Object> snapshot(String sent, String draft) {
        Api api = journey.api;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("residents", api.ok(api.get("/api/properties/" + journey.property + "/residents?size=200"), 200));
        state.put("notices", api.ok(api.get("/api/properties/" + journey.property + "/notices?size=200"), 200));
        state.put("recipients", api.ok(api.get("/api/notices/" + sent + "/recipients?size=200"), 200));
        state.put("stats", api.ok(api.get("/api/notices/" + sent), 200).get("stats"));
        state.put("draft", api.ok(api.get("/api/notices/" + draft), 200));
        state.put("resends", api.ok(api.get("/api/notices/" + sent + "/resends"), 200));
        state.put("resend targets", api.ok(api.get("/api/notices/" + sent + "/resends/" + resend
                + "/targets?size=200"), 200));
        state.put("provider messages", new TreeMap<>(Simulator.ofRunningPlatform().accepted().entrySet().stream()
                .filter(e -> e.getKey().contains(journey.property))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        return state;
    }

    // ------------------------------------------------------------------------------------------ the corpus

    /** Raw values for a path segment: each is what goes on the wire, byte for byte. */
    static final Map<String, String> PATH_VALUES = ordered(
            "encoded slash", "a%2fb",
            "encoded backslash", "a%5cb",
            "encoded NUL", "a%00b",
            "encoded CR LF", "a%0d%0ab",
            "non-UTF-8 percent-encoding", "a%ffb",
            "overlong UTF-8", "%c0%af",
            "broken percent-encoding", "a%zzb",
            "truncated percent-encoding", "a%",
            "encoded dot-dot", "%2e%2e",
            "path parameter", "a;b",
            "raw NUL byte", "a\u0000b",
            "raw non-UTF-8 byte", "a\u00ffb",
            "raw control byte", "a\u0007b",
            "raw space", "a b",
            "operator object", "%7B%22%24ne%22%3A%22%22%7D",
            "operator name", "%24where",
            "5,000-character id", "x".repeat(5_000),
            "10,000-character id", "x".repeat(10_000));

    /** Raw values for a query parameter. */
    static final Map<String, String> QUERY_VALUES = ordered(
            "non-UTF-8 percent-encoding", "%ff",
            "broken percent-encoding", "%zz",
            "truncated percent-encoding", "%",
            "encoded NUL", "a%00b",
            "encoded CR LF", "a%0d%0ab",
            "raw non-UTF-8 byte", "\u00ff",
            "not a number", "abc",
            "negative", "-1",
            "overflowing number", "99999999999",
            "fraction", "1.5",
            "unknown enum value", "PIGEON",
            "operator object", "%7B%22%24ne%22%3A%22%22%7D",
            "operator name", "%24where",
            "10,000 characters", "x".repeat(10_000));

    enum FieldType { TEXT, MULTILINE_TEXT, REQUIRED_TEXT, ENUM, ENUM_ARRAY, ID_ARRAY, INSTANT }

    /** JSON values (raw bytes, so invalid UTF-8 can be among them) that are wrong for a field of that type. */
    static Map<String, byte[]> hostileValues(FieldType type, boolean nullIsValid) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("number", json("123"));
        values.put("boolean", json("true"));
        values.put("object", json("{}"));
        values.put("$ne operator", json("{\"$ne\": \"\"}"));
        values.put("$gt operator", json("{\"$gt\": \"\"}"));
        values.put("$where operator", json("{\"$where\": \"sleep(1000) || true\"}"));
        values.put("$regex operator", json("{\"$regex\": \".*\"}"));
        if (!nullIsValid) {
            values.put("null", json("null"));
        }
        switch (type) {
            case ENUM_ARRAY -> {
                values.put("string instead of array", json("\"EMAIL\""));
                values.put("unknown enum value", json("[\"PIGEON\"]"));
                values.put("number item", json("[1]"));
                values.put("operator item", json("[{\"$ne\": \"\"}]"));
                values.put("NUL item", json("[\"EMAIL\\u0000\"]"));
                values.put("empty array", json("[]"));
            }
            case ID_ARRAY -> {
                values.put("string instead of array", json("\"r1\""));
                values.put("number item", json("[1]"));
                values.put("operator item", json("[{\"$ne\": \"\"}]"));
                values.put("$in operator", json("{\"$in\": []}"));
                values.put("blank id", json("[\"\"]"));
                values.put("non-UTF-8 id", concat(json("[\""), new byte[] {(byte) 0xff, (byte) 0xfe}, json("\"]")));
                values.put("100,000 ids", json(IntStream.range(0, 100_000).mapToObj(i -> "\"r" + i + "\"")
                        .collect(Collectors.joining(",", "[", "]"))));
                values.put("100,000 uuid ids (over the body limit)", json(IntStream.range(0, 100_000)
                        .mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(",", "[", "]"))));
            }
            default -> {
                values.put("array", json("[]"));
                values.put("NUL", json("\"a\\u0000b\""));
                values.put("raw NUL byte", json("\"a\u0000b\""));
                values.put("control character", json("\"a\\u0007b\""));
                values.put("non-UTF-8 bytes", concat(json("\"a"), new byte[] {(byte) 0xff, (byte) 0xfe}, json("b\"")));
                values.put("huge string", json("\"" + "x".repeat(type == FieldType.MULTILINE_TEXT ? 60_000 : 10_000)
                        + "\""));
                if (type != FieldType.MULTILINE_TEXT) {
                    values.put("CR LF injection", json("\"x@example.com\\r\\nBcc: all@example.com\""));
                }
                if (type == FieldType.ENUM) {
                    values.put("unknown enum value", json("\"PIGEON\""));
                    values.put("lower case enum value", json("\"failed_only\""));
                }
                if (type == FieldType.INSTANT) {
                    values.put("not a time", json("\"next tuesday\""));
                    values.put("in the past", json("\"2001-01-01T00:00:00Z\""));
                }
            }
        }
        return values;
    }

    /** Whole bodies that are not a valid request of any shape. */
    static Map<String, byte[]> hostileBodies(String validPrefix) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", json("{\"name\":"));
        bodies.put("not JSON", json("hello"));
        bodies.put("JSON array", json("[]"));
        bodies.put("JSON null", json("null"));
        bodies.put("JSON string", json("\"x\""));
        bodies.put("empty body", new byte[0]);
        bodies.put("non-UTF-8 bytes", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
        bodies.put("trailing garbage", json(validPrefix + "x"));
        bodies.put("deep nesting", json("[".repeat(5_000) + "]".repeat(5_000)));
        bodies.put("oversize body (2 MiB)", json("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
        return bodies;
    }

    record Field(String name, FieldType type, boolean nullIsValid) {
    }

    static List<Case> corpus(String property, String resident, String sent, String draft, String resend) {
        List<Case> cases = new ArrayList<>();
        String missing = "missing-" + UUID.randomUUID();

        // Path variables: hostile values in place of each one; never the real ids of endpoints that change state.
        Map<String, String> pathTemplates = ordered(
                "POST /api/properties/{}/residents", "/api/properties/{}/residents",
                "GET /api/properties/{}/residents", "/api/properties/{}/residents",
                "GET /api/residents/{}", "/api/residents/{}",
                "PATCH /api/residents/{}", "/api/residents/{}",
                "DELETE /api/residents/{}", "/api/residents/{}",
                "POST /api/properties/{}/notices", "/api/properties/{}/notices",
                "GET /api/properties/{}/notices", "/api/properties/{}/notices",
                "GET /api/notices/{}", "/api/notices/{}",
                "PATCH /api/notices/{}", "/api/notices/{}",
                "DELETE /api/notices/{}", "/api/notices/{}",
                "POST /api/notices/{}/send", "/api/notices/{}/send",
                "POST /api/notices/{}/schedule", "/api/notices/{}/schedule",
                "POST /api/notices/{}/cancel", "/api/notices/{}/cancel",
                "PUT /api/notices/{}/urgent", "/api/notices/{}/urgent",
                "DELETE /api/notices/{}/urgent", "/api/notices/{}/urgent",
                "GET /api/properties/{}/settings", "/api/properties/{}/settings",
                "PATCH /api/properties/{}/settings", "/api/properties/{}/settings",
                "GET /api/notices/{}/recipients", "/api/notices/{}/recipients",
                "GET /api/notices/{}/recipients/export", "/api/notices/{}/recipients/export",
                "GET /api/notices/{}/stream", "/api/notices/{}/stream",
                "GET /api/notices/{}/resend-options", "/api/notices/{}/resend-options",
                "POST /api/notices/{}/resend-options", "/api/notices/{}/resend-options",
                "POST /api/notices/{}/resends", "/api/notices/{}/resends",
                "GET /api/notices/{}/resends", "/api/notices/{}/resends",
                "GET /api/notices/{}/resends/{resendId}/targets", "/api/notices/{}/resends/" + resend + "/targets",
                "GET /api/notices/{noticeId}/resends/{}/targets", "/api/notices/" + sent + "/resends/{}/targets",
                "GET /api/notices/{noticeId}/resends/{}/targets.csv", "/api/notices/" + sent + "/resends/{}/targets.csv",
                "POST /api/properties/{}/residents:import", "/api/properties/{}/residents:import",
                "POST /api/properties/{}/residents:import CSV", "/api/properties/{}/residents:import?archiveMissing=true");
        Map<String, byte[]> validBodies = Map.of(
                "/residents", json("{\"name\":\"Corpus\"}"),
                "/notices", json("{\"title\":\"T\",\"body\":\"B\",\"channels\":[\"EMAIL\"]}"),
                "/schedule", json("{\"sendAt\":\"2099-01-01T00:00:00Z\"}"),
                "/urgent", json("{\"reason\":\"Corpus\"}"),
                "/resends", json("{\"scope\":\"FAILED_ONLY\"}"),
                "/resend-options", json("{\"recipientIds\":[\"r1\"]}"),
                ":import", json("[{\"name\":\"Corpus\"}]"),
                "archiveMissing=true", json("name\nCorpus\n"));
        pathTemplates.forEach((endpoint, template) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            PATH_VALUES.forEach((label, value) -> {
                byte[] body = method.equals("PATCH") ? json("{\"unit\":\"1\"}") : validBodies.entrySet().stream()
                        .filter(e -> template.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                        .orElse(null);
                // the hostile value stands in the path variable: not in the query of the CSV import's template
                cases.add(new Case(endpoint + " path " + label, method, template.replaceFirst("\\{}",
                        java.util.regex.Matcher.quoteReplacement(value)),
                        endpoint.endsWith("CSV") ? Map.of("Content-Type", "text/csv") : Map.of(),
                        body, !method.equals("GET")));
            });
        });

        // Query parameters, on real ids: reads only.
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("/api/properties/" + property + "/residents", List.of("page", "size", "q"));
        queries.put("/api/properties/" + property + "/notices", List.of("status", "page", "size", "q"));
        queries.put("/api/notices/" + sent + "/recipients", List.of("status", "channel", "page", "size", "q"));
        queries.put("/api/notices/" + sent + "/recipients/export", List.of("status", "channel", "q"));
        queries.put("/api/notices/" + sent + "/resend-options", List.of("selected", "q"));
        queries.put("/api/notices/" + sent, List.of("q"));
        queries.put("/api/residents/" + resident, List.of("q"));
        queries.put("/api/notices/" + sent + "/resends", List.of("q"));
        queries.put("/api/notices/" + sent + "/resends/" + resend + "/targets", List.of("status", "size", "after", "q"));
        queries.put("/api/notices/" + sent + "/resends/" + resend + "/targets.csv", List.of("status", "q"));
        queries.forEach((path, parameters) -> {
            for (String parameter : parameters) {
                QUERY_VALUES.forEach((label, value) -> cases.add(new Case("GET " + generic(path, property, resident,
                        sent, resend) + " ?" + parameter + "= " + label, "GET", path + "?" + parameter + "=" + value, Map.of(),
                        null, false)));
            }
            cases.add(new Case("GET " + generic(path, property, resident, sent, resend) + " operator in a parameter name",
                    "GET", path + "?status%5B%24ne%5D=x&page%5B%24gt%5D=0", Map.of(), null, false));
        });
        String manyIds = String.join(",", Collections.nCopies(3_000, UUID.randomUUID().toString()));
        cases.add(new Case("GET resend-options ?selected= 3,000 ids", "GET",
                "/api/notices/" + sent + "/resend-options?selected=" + manyIds, Map.of(), null, false));
        // The import's flags: a write, so a value that is not a boolean must be refused, never read as true
        String importPath = "/api/properties/" + property + "/residents:import";
        for (String parameter : List.of("dryRun", "archiveMissing")) {
            QUERY_VALUES.forEach((label, value) -> cases.add(new Case("POST residents:import ?" + parameter + "= "
                    + label, "POST", importPath + "?" + parameter + "=" + value, Map.of(),
                    json("[{\"name\":\"Corpus import\"}]"), true)));
        }
        importCases(cases, importPath, "corpus.import." + property + "@example.com");
        cases.add(new Case("GET recipients 1,500 parameters (over Tomcat's 1,000)", "GET", "/api/notices/" + sent
                + "/recipients?" + String.join("&", Collections.nCopies(1_500, "a=1")), Map.of(), null, false));

        // Body fields: one hostile value at a time in an otherwise valid body; whole bodies that are no request.
        String email = "corpus." + property + "@example.com";
        bodyCases(cases, "POST", "/api/properties/" + property + "/residents", "POST residents",
                ordered("name", "\"Corpus\"", "email", "\"" + email + "\"", "phone", "\"+15145550199\"", "unit", "\"9Z\""),
                List.of(new Field("name", FieldType.REQUIRED_TEXT, false), new Field("email", FieldType.TEXT, true),
                        new Field("phone", FieldType.TEXT, true), new Field("unit", FieldType.TEXT, true)),
                List.of("id", "propertyId", "optedOut", "archived", "createdAt", "updatedAt"), true);
        bodyCases(cases, "PATCH", "/api/residents/" + resident, "PATCH resident", Map.of(),
                List.of(new Field("name", FieldType.REQUIRED_TEXT, false), new Field("email", FieldType.TEXT, true),
                        new Field("phone", FieldType.TEXT, true), new Field("unit", FieldType.TEXT, true)),
                List.of("id", "propertyId", "optedOut", "archived", "createdAt"), true);
        Map<String, String> notice = ordered("title", "\"Corpus\"", "body", "\"Corpus body\"", "smsText", "\"Corpus\"",
                "channels", "[\"EMAIL\"]", "recipientIds", "[\"" + resident + "\"]");
        List<Field> noticeFields = List.of(new Field("title", FieldType.REQUIRED_TEXT, false),
                new Field("body", FieldType.MULTILINE_TEXT, false), new Field("smsText", FieldType.MULTILINE_TEXT, true),
                new Field("channels", FieldType.ENUM_ARRAY, false), new Field("recipientIds", FieldType.ID_ARRAY, true));
        bodyCases(cases, "POST", "/api/properties/" + property + "/notices", "POST notices", notice, noticeFields,
                List.of("id", "status", "propertyId", "createdBy", "stats", "resendable", "sentAt"), true);
        bodyCases(cases, "PATCH", "/api/notices/" + draft, "PATCH notice", Map.of(), noticeFields,
                List.of("id", "status", "propertyId", "createdBy", "scheduledAt"), true);
        bodyCases(cases, "POST", "/api/notices/" + draft + "/schedule", "POST schedule", Map.of(),
                List.of(new Field("sendAt", FieldType.INSTANT, false)), List.of("status", "id"), true);
        bodyCases(cases, "PUT", "/api/notices/" + draft + "/urgent", "PUT urgent", Map.of(),
                List.of(new Field("reason", FieldType.REQUIRED_TEXT, false)), List.of("urgent", "markedBy"), true);
        bodyCases(cases, "POST", "/api/notices/" + sent + "/resend-options", "POST resend-options", Map.of(),
                List.of(new Field("recipientIds", FieldType.ID_ARRAY, true)), List.of("scope", "selected"), false);
        bodyCases(cases, "POST", "/api/notices/" + sent + "/resends", "POST resends scope", Map.of(),
                List.of(new Field("scope", FieldType.ENUM, false)), List.of(), true);
        bodyCases(cases, "POST", "/api/notices/" + sent + "/resends", "POST resends SELECTED",
                ordered("scope", "\"SELECTED\""), List.of(new Field("recipientIds", FieldType.ID_ARRAY, false)),
                List.of("resendId", "type", "noticeId", "requestedBy"), true);

        // Headers: an Idempotency-Key no one should send, on a resend that must fail anyway (not a recipient).
        byte[] notARecipient = json("{\"scope\":\"SELECTED\",\"recipientIds\":[\"" + missing + "\"]}");
        ordered("10,000 characters", "k".repeat(10_000), "blank", " ", "control character", "k\u0007k",
                "non-UTF-8 byte", "k\u00ffk", "operator", "{\"$ne\": \"\"}")
                .forEach((label, key) -> cases.add(new Case("POST resends Idempotency-Key " + label, "POST",
                        "/api/notices/" + sent + "/resends", Map.of("Idempotency-Key", key), notARecipient, true)));
        ordered("text/plain", "text/plain", "UTF-16 declared", "application/json; charset=UTF-16",
                "form", "application/x-www-form-urlencoded", "garbage", "\u00ff/\u0000")
                .forEach((label, type) -> cases.add(new Case("POST residents Content-Type " + label, "POST",
                        "/api/properties/" + property + "/residents", Map.of("Content-Type", type),
                        json("{\"name\":\"Corpus\",\"unit\":" + "\"" + "u".repeat(60) + "\"}"), true)));
        return cases;
    }

    /**
     * The rent-roll import validates row by row: a hostile row is rejected in a 200 report, not necessarily a 4xx, so
     * only hostile whole bodies must be refused; that no row got in is the final snapshot's business (no dryRun here).
     */
    private static void importCases(List<Case> cases, String path, String email) {
        Map<String, String> row = ordered("externalId", "\"corpus-1\"", "name", "\"Corpus\"", "email",
                "\"" + email + "\"", "phone", "\"+15145550199\"", "unit", "\"9Z\"");
        for (String field : row.keySet()) {
            FieldType type = field.equals("name") ? FieldType.REQUIRED_TEXT : FieldType.TEXT;
            hostileValues(type, !field.equals("name")).forEach((valueLabel, value) -> {
                Map<String, byte[]> members = new LinkedHashMap<>();
                row.forEach((name, json) -> members.put(name, json(json)));
                members.put(field, value);
                cases.add(new Case("POST residents:import JSON row " + field + " = " + valueLabel, "POST", path,
                        Map.of(), concat(json("["), object(members), json("]")), false));
            });
        }
        cases.add(new Case("POST residents:import JSON row member a client may not set: propertyId", "POST", path,
                Map.of(), json("[{\"name\":\"Corpus\",\"propertyId\":\"other\"}]"), false));
        cases.add(new Case("POST residents:import JSON 5,001 rows", "POST", path, Map.of(), json(IntStream
                .range(0, 5_001).mapToObj(i -> "{\"name\":\"Corpus " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"))), true));
        hostileBodies("[{\"name\":\"x\"}]").forEach((label, body) -> cases.add(new Case("POST residents:import body: "
                + label, "POST", path, Map.of(), body, !label.equals("JSON array"))));
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        Map<String, byte[]> csvBodies = new LinkedHashMap<>();
        csvBodies.put("no header", json("Corpus,corpus@example.com\n"));
        csvBodies.put("unterminated quote", json("name\n\"Corpus\n"));
        csvBodies.put("NUL in a field", json("name\nCor\u0000pus\n"));
        csvBodies.put("control character in a field", json("name\nCor\u0007pus\n"));
        csvBodies.put("non-UTF-8 bytes", concat(json("name\nCor"), new byte[] {(byte) 0xff, (byte) 0xfe}, json("\n")));
        csvBodies.put("CR LF injection in an email", json("name,email\nCorpus,\"x@example.com\r\nBcc: all@example.com\"\n"));
        csvBodies.put("operator in a field", json("name,email\nCorpus,\"{\"\"$ne\"\": \"\"\"\"}\"\n"));
        csvBodies.put("10,000-character name", json("name\n" + "x".repeat(10_000) + "\n"));
        csvBodies.put("empty body", new byte[0]);
        csvBodies.forEach((label, body) -> cases.add(new Case("POST residents:import CSV " + label, "POST", path, csv, body,
                false)));
        cases.add(new Case("POST residents:import CSV 5,001 rows", "POST", path, csv, json("name\n"
                + IntStream.range(0, 5_001).mapToObj(i -> "Corpus " + i).collect(Collectors.joining("\n"))), true));
        cases.add(new Case("POST residents:import CSV oversize body (2 MiB)", "POST", path, csv,
                json("name\n" + "x".repeat(2 * 1024 * 1024)), true));
    }

    private static void bodyCases(List<Case> cases, String method, String path, String label, Map<String, String> base,
            List<Field> fields, List<String> forbidden, boolean mustBeRefused) {
        for (Field field : fields) {
            hostileValues(field.type(), field.nullIsValid()).forEach((valueLabel, value) -> {
                Map<String, byte[]> members = new LinkedHashMap<>();
                base.forEach((name, json) -> members.put(name, json(json)));
                members.put(field.name(), value);
                cases.add(new Case(label + " " + field.name() + " = " + valueLabel, method, path, Map.of(),
                        object(members), mustBeRefused));
            });
        }
        for (String name : forbidden) {
            Map<String, byte[]> members = new LinkedHashMap<>();
            base.forEach((member, json) -> members.put(member, json(json)));
            if (members.isEmpty() && !fields.isEmpty()) {
                members.put(fields.get(0).name(), json(fields.get(0).type() == FieldType.INSTANT
                        ? "\"2099-01-01T00:00:00Z\"" : fields.get(0).type() == FieldType.ID_ARRAY ? "[\"r1\"]"
                        : "\"FAILED_ONLY\""));
            }
            members.put(name, json("\"x\""));
            cases.add(new Case(label + " member a client may not set: " + name, method, path, Map.of(),
                    object(members), true));
        }
        String validPrefix = "{\"" + (fields.isEmpty() ? "x" : fields.get(0).name()) + "\":\"x\"}";
        hostileBodies(validPrefix).forEach((bodyLabel, body) -> cases.add(new Case(label + " body: " + bodyLabel,
                method, path, Map.of(), body, mustBeRefused || bodyLabel.startsWith("oversize"))));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String generic(String path, String property, String resident, String sent, String resend) {
        return path.replace(property, "{propertyId}").replace(resident, "{residentId}").replace(sent, "{noticeId}")
                .replace(resend, "{resendId}");
    }

    private static byte[] object(Map<String, byte[]> members) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(json("{"));
        boolean first = true;
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            parts.add(json((first ? "" : ",") + "\"" + member.getKey() + "\":"));
            parts.add(member.getValue());
            first = false;
        }
        parts.add(json("}"));
        return concat(parts.toArray(byte[][]::new));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
