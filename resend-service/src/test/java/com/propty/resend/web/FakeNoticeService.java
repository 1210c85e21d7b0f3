package com.propty.resend.web;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalTokenVerifier;
import com.propty.internaltoken.InvalidInternalToken;
import com.propty.testsupport.InternalApiSchemas;
import com.propty.testsupport.InternalTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notice-service's internal delivery-states API as resend-service sees it: a JDK HttpServer on a free
 * port serving what the test put in, which can be made to fail (500) or go away (stopped). Like the real one, it
 * answers 401 to a request without a valid internal token and 403 to a token without role SERVICE, and answers only
 * the recipients with a FAILED or SKIPPED channel and those the request's {@code recipientIds} name. Each
 * {@link #put} is a new version of its notice; a request whose {@code knownVersion} is current gets the selection
 * only ({@code complete: false}), as from notice-service.
 */
final class FakeNoticeService {

    private static final InternalTokenVerifier VERIFIER = new InternalTokenVerifier(InternalTokens.LOCAL_SECRET, null);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, Object>> notices = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicInteger completeAnswers = new AtomicInteger();
    private final AtomicInteger selectionAnswers = new AtomicInteger();
    private final AtomicInteger invalidRequests = new AtomicInteger();
    private volatile boolean failing;
    private volatile InternalIdentity lastCaller;
    private volatile String lastTraceparent;
    private HttpServer server;
    private int port;

    FakeNoticeService start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/internal/notices/", this::answer);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    /** The identity of the last request's valid internal token. */
    InternalIdentity lastCaller() {
        return lastCaller;
    }

    /** The W3C trace context of the last request, null without one. */
    String lastTraceparent() {
        return lastTraceparent;
    }

    void put(NoticeBuilder notice) {
        Map<String, Object> answer = notice.toJson();
        answer.put("version", notice.status + "." + versions.incrementAndGet());
        notices.put(notice.id, answer);
    }

    /** Requests whose body did not match the internal API's schema (answered 400). */
    int invalidRequests() {
        return invalidRequests.get();
    }

    /** Answers that held every recipient with a FAILED or SKIPPED channel. */
    int completeAnswers() {
        return completeAnswers.get();
    }

    /** Answers that held only the selection, the caller's kept version being current. */
    int selectionAnswers() {
        return selectionAnswers.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/"); // "", internal, notices, {id}, delivery-states
        Map<String, Object> notice = parts.length == 5 && parts[4].equals("delivery-states") ? notices.get(parts[3]) : null;
        int status;
        byte[] body;
        InternalIdentity caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
        if (caller == null || !caller.hasRole("SERVICE")) {
            status = caller == null ? 401 : 403;
            body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        } else if (failing) {
            status = 500;
            body = "{\"status\":500}".getBytes(StandardCharsets.UTF_8);
        } else if (notice == null) {
            status = 404;
            body = "{\"status\":404,\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] request = exchange.getRequestBody().readAllBytes();
            List<String> invalid = request.length == 0 ? List.of()
                    : InternalApiSchemas.errors(InternalApiSchemas.DELIVERY_STATES_REQUEST,
                            new String(request, StandardCharsets.UTF_8));
            if (invalid.isEmpty()) {
                status = 200;
                body = json.writeValueAsBytes(answered(notice, request));
                // what the fake answers is what notice-service answers: the schema both sides are checked against
                InternalApiSchemas.requireValid(InternalApiSchemas.DELIVERY_STATES, new String(body, StandardCharsets.UTF_8));
            } else {
                status = 400;
                body = ("{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"" + invalid.size()
                        + " schema errors\"}").getBytes(StandardCharsets.UTF_8);
                invalidRequests.incrementAndGet();
            }
        }
        lastCaller = caller;
        lastTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answered(Map<String, Object> notice, byte[] request) {
        List<String> requested = new ArrayList<>();
        String knownVersion = null;
        if (request.length > 0) {
            JsonNode body = json.readTree(request);
            body.path("recipientIds").forEach(id -> requested.add(id.stringValue()));
            knownVersion = body.path("knownVersion").isString() ? body.path("knownVersion").stringValue() : null;
        }
        boolean complete = !notice.get("version").equals(knownVersion);
        (complete ? completeAnswers : selectionAnswers).incrementAndGet();
        Map<String, Object> answer = new LinkedHashMap<>(notice);
        answer.put("complete", complete);
        answer.put("recipients", ((List<Map<String, Object>>) notice.get("recipients")).stream()
                .filter(r -> requested.contains((String) r.get("recipientId"))
                        || complete && ((Map<String, Map<String, Object>>) r.get("channels")).values().stream()
                                .anyMatch(c -> "FAILED".equals(c.get("status")) || "SKIPPED".equals(c.get("status"))))
                .toList());
        return answer;
    }

    private static InternalIdentity caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return VERIFIER.verify(authorization.substring("Bearer ".length()));
        } catch (InvalidInternalToken e) {
            return null;
        }
    }

    static NoticeBuilder notice(String id, String propertyId, String status) {
        return new NoticeBuilder(id, propertyId, status);
    }

    static final class NoticeBuilder {
        final String id;
        final String propertyId;
        final String status;
        final List<Map<String, Object>> recipients = new ArrayList<>();
        Map<String, Object> quietHours;

        NoticeBuilder(String id, String propertyId, String status) {
            this.id = id;
            this.propertyId = propertyId;
            this.status = status;
        }

        /** The SMS quiet hours notice-service says a resend of this notice must respect (none by default). */
        NoticeBuilder quietHours(String timeZone, String start, String end) {
            quietHours = Map.of("timeZone", timeZone, "start", start, "end", end);
            return this;
        }

        /** channels: "EMAIL", "FAILED", attempt, address-used, ... in groups of four. */
        NoticeBuilder recipient(String recipientId, String email, String phone, List<String> optedOut, Object... channels) {
            Map<String, Object> states = new LinkedHashMap<>();
            for (int i = 0; i < channels.length; i += 4) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("status", channels[i + 1]);
                state.put("attempt", channels[i + 2]);
                state.put("address", channels[i + 3]);
                state.put("errorCode", "FAILED".equals(channels[i + 1]) ? "BOUNCED" : null);
                states.put((String) channels[i], state);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("recipientId", recipientId);
            r.put("name", "Resident " + recipientId);
            r.put("email", email);
            r.put("phone", phone);
            r.put("archived", false);
            r.put("optedOut", optedOut);
            r.put("channels", states);
            recipients.add(r);
            return this;
        }

        Map<String, Object> toJson() {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("noticeId", id);
            n.put("propertyId", propertyId);
            n.put("status", status);
            n.put("channels", List.of("EMAIL", "SMS"));
            n.put("content", Map.of("title", "Water shut-off", "body", "The water is off on Monday.",
                    "smsText", "Water off Monday."));
            n.put("recipients", recipients);
            n.put("urgent", false);
            n.put("quietHours", quietHours);
            n.put("unknownField", "ignored");
            return n;
        }
    }
}
