package com.propty.history.web;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * notice-service's {@code GET /internal/notices/{id}} as history-service reads it: known notices and their property,
 * 404 for any other; like the real one it answers nothing without a service token.
 */
final class FakeNoticeOwners {

    private static final InternalTokenVerifier VERIFIER = new InternalTokenVerifier(InternalTokens.LOCAL_SECRET, null);

    private final Map<String, String> properties = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private final HttpServer server;

    FakeNoticeOwners() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/notices/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String notice(String noticeId, String propertyId) {
        properties.put(noticeId, propertyId);
        return noticeId;
    }

    /** notice-service answering 500 to everything, or working again. */
    void failing(boolean failing) {
        this.failing = failing;
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (failing) {
            reply(exchange, 500, "{\"code\":\"INTERNAL\"}");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !isService(authorization)) {
            reply(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}");
            return;
        }
        String noticeId = exchange.getRequestURI().getPath().substring("/internal/notices/".length());
        String property = properties.get(noticeId);
        if (property == null) {
            reply(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        } else {
            String owner = "{\"noticeId\":\"" + noticeId + "\",\"propertyId\":\"" + property
                    + "\",\"status\":\"SENT\"}";
            InternalApiSchemas.requireValid(InternalApiSchemas.NOTICE_OWNER, owner); // what notice-service answers
            reply(exchange, 200, owner);
        }
    }

    private static boolean isService(String authorization) {
        try {
            InternalIdentity caller = VERIFIER.verify(authorization.substring("Bearer ".length()));
            return caller.hasRole("SERVICE");
        } catch (InvalidInternalToken | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
