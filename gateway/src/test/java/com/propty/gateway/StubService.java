package com.propty.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service stand-in on a random port: answers every request with a JSON echo of what it received
 * (service name, method, path, query, headers, body size) and remembers it. Two paths behave like the real
 * services: {@code …/stream} sends two SSE events, the second only once the test releases it, and
 * {@code …/conflict} answers a 409 problem+json that the gateway must pass through untouched, {@code …/slow}
 * answers only after the gateway's response timeout.
 */
final class StubService implements AutoCloseable {

    record Received(String method, String path, String rawQuery, Map<String, String> headers, long bodyBytes) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    static final String CONFLICT_PROBLEM = "{\"type\":\"https://propty.example/problems/notice-not-draft\","
            + "\"title\":\"Notice is not a draft\",\"status\":409,\"code\":\"NOTICE_NOT_DRAFT\",\"detail\":\"Sent.\"}";

    static final long QUIET_START_MILLIS = 3500;
    static final long SLOW_ANSWER_MILLIS = 5000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch secondEventGate = new CountDownLatch(1);
    private volatile boolean secondEventSent;

    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
        secondEventGate = new CountDownLatch(1);
        secondEventSent = false;
    }

    void releaseSecondEvent() {
        secondEventGate.countDown();
    }

    boolean secondEventSent() {
        return secondEventSent;
    }

    /** A port on which nothing listens: the address of a service that is down. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            long bodyBytes = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(),
                    String.join(",", values)));
            String path = exchange.getRequestURI().getRawPath();
            Received request = new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, bodyBytes);
            received.add(request);
            if (path.endsWith("/stream")) {
                stream(exchange);
            } else if (path.endsWith("/slow")) {
                pause(SLOW_ANSWER_MILLIS);
                send(exchange, 200, "application/json", "{}");
            } else if (path.endsWith("/conflict")) {
                send(exchange, 409, "application/problem+json", CONFLICT_PROBLEM);
            } else {
                send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("service", name,
                        "method", request.method(), "path", path)));
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        // A stream may open only when its first event is ready, later than the gateway's response timeout in
        // the tests (1 s): streams must be exempt from it.
        pause(QUIET_START_MILLIS);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write("event: notice\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        try {
            secondEventGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        secondEventSent = true;
        body.write("event: notice\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
