package com.propty.kit.messaging;

/**
 * An event read from Kafka with where it was read: a use case that keeps per-partition watermarks (to recognise a
 * redelivered batch) needs the position, which a bare payload list does not carry.
 */
public record Consumed<T>(String topic, int partition, long offset, T event) {

    /** {@code topic-partition}, the name of a watermark. */
    public String position() {
        return topic + "-" + partition;
    }
}
