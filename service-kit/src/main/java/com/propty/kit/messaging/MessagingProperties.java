package com.propty.kit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service talks to Kafka ({@code propty.messaging.*}): how long a publish may wait for the broker's
 * acknowledgement; how often a projection retries a poll its store refused (without limit); and the longest pause
 * between retries of a poll of send requests (they back off from half a second, doubling, without limit).
 */
@ConfigurationProperties("propty.messaging")
public record MessagingProperties(@DefaultValue("PT30S") Duration publishTimeout,
        @DefaultValue("PT1S") Duration storeRetryInterval, @DefaultValue("PT10S") Duration requestRetryMaxInterval) {
}
