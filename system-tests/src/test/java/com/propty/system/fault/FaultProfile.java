package com.propty.system.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes and timings of one run of the {@link FaultSuite}. {@link #small} fits {@code mvn verify}; {@link #full} is what
 * {@code scripts/fault-suite.sh} runs. The environment shortens the services' windows so that in-doubt sends, parked
 * sends and the circuit breaker settle within the run.
 *
 * @param recipients    residents of the test property; every scenario sends to all of them
 * @param outageSeconds how long the simulated SendGrid outage lasts
 * @param settleTimeout how long a scenario waits for every target to reach a final state
 */
public record FaultProfile(String name, int recipients, int outageSeconds, Duration settleTimeout) {

    public static FaultProfile small() {
        return new FaultProfile("small", 300, 15, Duration.ofSeconds(180));
    }

    public static FaultProfile full() {
        return new FaultProfile("full", 5000, 60, Duration.ofMinutes(8));
    }

    /** {@code -Dfault.profile=full|small}, then {@code -Dfault.recipients=} and {@code -Dfault.outage-seconds=} override. */
    public static FaultProfile fromSystemProperties() {
        FaultProfile base = "full".equals(System.getProperty("fault.profile")) ? full() : small();
        return new FaultProfile(base.name(), Integer.getInteger("fault.recipients", base.recipients()),
                Integer.getInteger("fault.outage-seconds", base.outageSeconds()), base.settleTimeout());
    }

    /** Simulator latency per SendGrid call, so that a send of this profile lasts long enough to be interrupted. */
    long sendLatencyMillis() {
        long calls = Math.max(1, recipients / SENDGRID_BATCH);
        return Math.max(40, Math.min(300, 12_000 / calls));
    }

    static final int SENDGRID_BATCH = 20;

    Map<String, String> environment() {
        // longer than a restart of delivery-service, so the retried webhook of a send accepted just before a kill
        // settles it before the sweeper would call it in doubt (the local profile's window is 2 minutes too)
        Map<String, String> env = shortWindows(Duration.ofMinutes(2), Duration.ofSeconds(5));
        env.put("SENDGRID_CB_WAIT_IN_OPEN_STATE", "PT3S");
        return env;
    }

    /**
     * The windows every whole-platform fault test shortens: small SendGrid batches claimed one at a time (a kill -9
     * leaves at most one batch per channel in doubt), short back-offs, and Kafka sessions that time out in 8 s instead
     * of 45 s, so a killed consumer's partitions come back within the run.
     *
     * @param inDoubtWindow how long a send may stay in flight before the sweeper calls it in doubt
     * @param sweepInterval how often the sweeper looks
     */
    static Map<String, String> shortWindows(Duration inDoubtWindow, Duration sweepInterval) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIM_WEBHOOK_DELAY_MS", "100");
        // explicitly: no property has SMS quiet hours unless a test sets them, so no result depends on the hour
        env.put("PROPERTY_DEFAULT_QUIET_HOURS", "false");
        env.put("SENDGRID_BATCH_SIZE", String.valueOf(SENDGRID_BATCH));
        env.put("DELIVERY_CLAIM_SLICE", String.valueOf(SENDGRID_BATCH));
        env.put("SENDGRID_PERMITS_PER_SECOND", "40");
        env.put("DELIVERY_IN_DOUBT_WINDOW", inDoubtWindow.toString());
        env.put("DELIVERY_IN_DOUBT_SWEEP_INTERVAL", sweepInterval.toString());
        env.put("DELIVERY_BACKOFF_INITIAL", "PT1S");
        env.put("DELIVERY_BACKOFF_MAX", "PT5S");
        env.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"8000\","
                + "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
        return env;
    }
}
