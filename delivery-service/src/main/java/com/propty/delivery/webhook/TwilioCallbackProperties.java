package com.propty.delivery.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Twilio's status callbacks are settled ({@code delivery.twilio-callbacks}): each request waits for its batch at
 * most {@code timeout} (then Twilio retries it), a batch gathers callbacks for {@code linger} and holds at most
 * {@code maxBatch}.
 */
@ConfigurationProperties("delivery.twilio-callbacks")
public record TwilioCallbackProperties(@DefaultValue("PT30S") Duration timeout, @DefaultValue("PT0.005S") Duration linger,
        @DefaultValue("500") int maxBatch) {
}
