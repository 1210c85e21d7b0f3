package com.propty.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * How a {@link ProviderSimulator} runs. The defaults are the local-profile values of the cross-service
 * agreements, so a simulator started with {@link #defaults()} talks to a locally running platform.
 *
 * @param port                 0 picks a free port
 * @param sendGridWebhookUrl   where SendGrid event webhooks are posted
 * @param sendGridSigningKey   EC P-256 private key (PKCS8, base64) that signs SendGrid webhooks
 * @param twilioAuthToken      the token Twilio requests are authenticated with and callbacks are signed with
 * @param webhookDelayMillis   base delay before a webhook is posted (the actual delay is 1–3 times this)
 * @param webhookRetryFor      how long a webhook the receiver does not take (down, 5xx) is posted again, with backoff;
 *                             SendGrid retries for 72 h, so the default outlasts any restart of the platform
 */
public record SimulatorSettings(int port, String sendGridWebhookUrl, String sendGridSigningKey, String twilioAuthToken,
        long webhookDelayMillis, Duration webhookRetryFor) {

    public static final String LOCAL_SIGNING_KEY =
            "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCDmneDr587o14qKO2gTJIypfAZV5h48aK+42J1QukGVQQ==";
    public static final String LOCAL_TWILIO_AUTH_TOKEN = "local-twilio-auth-token";

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(0, "http://localhost:8080/webhooks/sendgrid/events", LOCAL_SIGNING_KEY,
                LOCAL_TWILIO_AUTH_TOKEN, 100, Duration.ofMinutes(30));
    }

    /**
     * SIMULATOR_PORT (8089), SIM_SENDGRID_WEBHOOK_URL, SIM_SENDGRID_SIGNING_KEY, SIM_TWILIO_AUTH_TOKEN,
     * SIM_WEBHOOK_DELAY_MS, SIM_WEBHOOK_RETRY_FOR (ISO-8601, PT30M).
     */
    public static SimulatorSettings fromEnvironment(Map<String, String> env) {
        SimulatorSettings d = defaults();
        return new SimulatorSettings(Integer.parseInt(env.getOrDefault("SIMULATOR_PORT", "8089").trim()),
                env.getOrDefault("SIM_SENDGRID_WEBHOOK_URL", d.sendGridWebhookUrl()),
                env.getOrDefault("SIM_SENDGRID_SIGNING_KEY", d.sendGridSigningKey()),
                env.getOrDefault("SIM_TWILIO_AUTH_TOKEN", d.twilioAuthToken()),
                Long.parseLong(env.getOrDefault("SIM_WEBHOOK_DELAY_MS", String.valueOf(d.webhookDelayMillis())).trim()),
                Duration.parse(env.getOrDefault("SIM_WEBHOOK_RETRY_FOR", d.webhookRetryFor().toString()).trim()));
    }

    public SimulatorSettings withPort(int port) {
        return new SimulatorSettings(port, sendGridWebhookUrl, sendGridSigningKey, twilioAuthToken, webhookDelayMillis,
                webhookRetryFor);
    }

    public SimulatorSettings withSendGridWebhookUrl(String url) {
        return new SimulatorSettings(port, url, sendGridSigningKey, twilioAuthToken, webhookDelayMillis,
                webhookRetryFor);
    }

    public SimulatorSettings withSendGridSigningKey(String key) {
        return new SimulatorSettings(port, sendGridWebhookUrl, key, twilioAuthToken, webhookDelayMillis,
                webhookRetryFor);
    }

    public SimulatorSettings withTwilioAuthToken(String token) {
        return new SimulatorSettings(port, sendGridWebhookUrl, sendGridSigningKey, token, webhookDelayMillis,
                webhookRetryFor);
    }

    public SimulatorSettings withWebhookDelayMillis(long millis) {
        return new SimulatorSettings(port, sendGridWebhookUrl, sendGridSigningKey, twilioAuthToken, millis,
                webhookRetryFor);
    }

    public SimulatorSettings withWebhookRetryFor(Duration retryFor) {
        return new SimulatorSettings(port, sendGridWebhookUrl, sendGridSigningKey, twilioAuthToken, webhookDelayMillis,
                retryFor);
    }
}
