package com.propty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for SendGrid and Twilio: their send APIs (answered deterministically by address, see
 * {@link SendGridApi} and {@link TwilioApi}), their signed webhooks, and an admin API to inspect what was
 * sent and to impose outages or latency.
 *
 * <pre>
 * try (ProviderSimulator simulator = ProviderSimulator.start(SimulatorSettings.defaults()
 *         .withSendGridWebhookUrl("http://localhost:" + port + "/webhooks/sendgrid/events"))) {
 *     // point the SendGrid SDK at "localhost:" + simulator.port(), Twilio at simulator.baseUrl()
 * }
 * </pre>
 */
public final class ProviderSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderSimulator.class);
    private static final Pattern TWILIO_MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");

    private final HttpServer server;
    private final ExecutorService workers;
    private final WebhookPoster poster;
    private final Traffic traffic = new Traffic();
    private final Conditions conditions = new Conditions();
    private final SendGridApi sendGrid;
    private final TwilioApi twilio;
    private volatile String sendGridWebhookUrl;

    private ProviderSimulator(SimulatorSettings settings) throws IOException {
        this.sendGridWebhookUrl = settings.sendGridWebhookUrl();
        this.poster = new WebhookPoster(settings.webhookDelayMillis(), settings.webhookRetryFor());
        this.sendGrid = new SendGridApi(traffic, conditions, poster, () -> sendGridWebhookUrl,
                settings.sendGridSigningKey());
        this.twilio = new TwilioApi(traffic, conditions, poster, settings.twilioAuthToken());
        this.server = HttpServer.create(new InetSocketAddress("localhost", settings.port()), 100);
        this.workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "simulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    public static ProviderSimulator start(SimulatorSettings settings) {
        try {
            ProviderSimulator simulator = new ProviderSimulator(settings);
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the provider simulator on port " + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** What was sent so far (the same data as {@code GET /admin/messages}). */
    public Traffic traffic() {
        return traffic;
    }

    /**
     * Redirects SendGrid events, e.g. to a service whose random port is only known once it has started
     * (the simulator has to be running before, since the service is configured with the simulator's address).
     */
    public void useSendGridWebhookUrl(String url) {
        this.sendGridWebhookUrl = url;
    }

    /** Answers {@code status} to every request of that provider for {@code seconds} (0 ends an outage). */
    public void outage(Provider provider, int status, long seconds) {
        conditions.outage(provider, status, seconds);
    }

    public void latency(Provider provider, long millis) {
        conditions.latency(provider, millis);
    }

    public void reset() {
        traffic.reset();
        conditions.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        poster.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher twilioPath = TWILIO_MESSAGES.matcher(path);
            if (method.equals("POST") && path.equals("/v3/mail/send")) {
                delay(Provider.SENDGRID);
                sendGrid.mailSend(exchange);
            } else if (method.equals("POST") && twilioPath.matches()) {
                delay(Provider.TWILIO);
                twilio.createMessage(exchange, twilioPath.group(1));
            } else if (method.equals("GET") && path.equals("/admin/messages")) {
                messages(exchange);
            } else if (method.equals("POST") && path.startsWith("/admin/")) {
                admin(exchange, path.substring("/admin/".length()));
            } else {
                Replies.json(exchange, 404, Map.of("message", "No such endpoint in the provider simulator"));
            }
        } catch (IllegalArgumentException e) {
            Replies.json(exchange, 400, Map.of("message", String.valueOf(e.getMessage())));
        } catch (RuntimeException | IOException e) {
            log.error("Simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            Replies.json(exchange, 500, Map.of("message", String.valueOf(e.getMessage())));
        }
    }

    private void delay(Provider provider) {
        long millis = conditions.latency(provider);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        String limit = Replies.query(exchange).get("limit");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", traffic.accepted());
        body.put("rejected", traffic.rejected());
        body.put("messages", traffic.requests(limit == null ? Traffic.KEPT : Integer.parseInt(limit)));
        Replies.json(exchange, 200, body);
    }

    private void admin(HttpExchange exchange, String action) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? Replies.JSON.createObjectNode() : Replies.JSON.readTree(raw);
        switch (action) {
            case "outage" -> {
                Provider provider = Provider.parse(body.path("provider").asText());
                outage(provider, body.path("status").asInt(503), body.path("seconds").asLong(60));
                log.info("Simulated {} outage: status {} for {} s", provider.id(), body.path("status").asInt(503),
                        body.path("seconds").asLong(60));
            }
            case "latency" -> latency(Provider.parse(body.path("provider").asText()), body.path("millis").asLong(0));
            case "reset" -> reset();
            default -> {
                Replies.json(exchange, 404, Map.of("message", "Unknown admin action " + action));
                return;
            }
        }
        Replies.json(exchange, 200, Map.of("ok", true));
    }
}
