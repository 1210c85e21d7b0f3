package com.propty.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Stands in for delivery-service in simulator tests: records every webhook it is sent and answers 200,
 * or 503 while told to be unavailable.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String query, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Requests still to be answered 503 (as if the platform were down) before answering 200 again. */
    final AtomicInteger unavailableFor = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(
                        Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0)));
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        headers, exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200, -1);
            }
        });
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
