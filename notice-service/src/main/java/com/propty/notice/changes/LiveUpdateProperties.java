package com.propty.notice.changes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many changed rows one live-update hint names before it asks the pages to refetch their table instead
 * ({@code propty.notice.stream.max-row-events}): the publisher and every instance's streams read the same value.
 */
@ConfigurationProperties("propty.notice.stream")
public record LiveUpdateProperties(@DefaultValue("50") int maxRowEvents) {
}
