package com.propty.notice.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a first dispatch is published ({@code propty.notice}): targets per {@code notice-dispatch-requested} chunk (at
 * most {@link com.propty.events.Topics#CHUNK_SIZE}), and how long one instance's lease on a dispatch lasts before
 * another may finish it.
 */
@ConfigurationProperties("propty.notice")
public record DispatchProperties(@DefaultValue("500") int dispatchChunkSize,
        @DefaultValue("120000") long dispatchLeaseMs) {
}
