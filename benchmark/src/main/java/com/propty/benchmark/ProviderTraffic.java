package com.propty.benchmark;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Counts the provider calls the simulator received. Its admin API keeps only the last 10,000 requests, and the SMS of a
 * large notice push the few SendGrid calls out of that window, so the list is polled every second and de-duplicated.
 */
final class ProviderTraffic implements AutoCloseable {

    record Counts(long sendGridCalls, long sendGridRejectedCalls, long emailsInCalls, long twilioCalls) {
        Counts minus(Counts o) {
            return new Counts(sendGridCalls - o.sendGridCalls, sendGridRejectedCalls - o.sendGridRejectedCalls,
                    emailsInCalls - o.emailsInCalls, twilioCalls - o.twilioCalls);
        }
    }

    private final Gateway simulator;
    private final Set<String> seen = new HashSet<>();
    private long sendGridCalls;
    private long sendGridRejected;
    private long emails;
    private long twilioCalls;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "provider-traffic");
        t.setDaemon(true);
        return t;
    });

    ProviderTraffic(String simulatorUrl) {
        this.simulator = new Gateway(simulatorUrl);
        poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    synchronized Counts counts() {
        poll();
        return new Counts(sendGridCalls, sendGridRejected, emails, twilioCalls);
    }

    private synchronized void poll() {
        try {
            JsonNode messages = simulator.get("/admin/messages?limit=10000").body().get("messages");
            for (JsonNode m : messages) {
                if (seen.add(m.toString())) {
                    if (m.get("provider").asString().equals("sendgrid")) {
                        sendGridCalls++;
                        emails += m.get("recipients").asLong();
                        if (m.get("status").asInt() >= 300) {
                            sendGridRejected++;
                        }
                    } else {
                        twilioCalls++;
                    }
                }
            }
        } catch (RuntimeException e) {
            System.err.println("cannot read the simulator's traffic: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
