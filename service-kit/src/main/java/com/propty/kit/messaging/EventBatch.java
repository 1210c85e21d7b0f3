package com.propty.kit.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of JSON events from one or more topics, each topic with its event type and validity rule. At the
 * first record that cannot be read or is invalid (poison), it hands the events before it to the use case and
 * throws, naming the record's index: {@link ProjectionErrorHandling} then commits what precedes it, dead-letters
 * it and redelivers the rest.
 *
 * <p>{@link #consume} does that work in a span that continues the records' traces ({@link BatchTracing}).
 */
public final class EventBatch {

    private record Reader<T>(Class<T> type, Predicate<T> valid) {
    }

    private final JsonMapper json;
    private final BatchTracing tracing;
    private final Map<String, Reader<?>> readers = new HashMap<>();

    public EventBatch(JsonMapper json, BatchTracing tracing) {
        this.json = json;
        this.tracing = tracing;
    }

    public <T> EventBatch topic(String topic, Class<T> type, Predicate<T> valid) {
        readers.put(topic, new Reader<>(type, valid));
        return this;
    }

    /**
     * Reads the batch (a batch-mode binding's {@code Message<List<byte[]>>}) and hands its events with their
     * positions to {@code apply}; at a poison record, those before it first. All in a span that continues the trace
     * of the records' producers.
     */
    public void consume(Message<List<byte[]>> batch, Consumer<List<Consumed<Object>>> apply) {
        String topics = String.join(",", header(batch, KafkaHeaders.RECEIVED_TOPIC).stream().map(String::valueOf)
                .distinct().toList());
        tracing.around("process " + topics, recordHeaders(batch), () -> {
            apply.accept(read(batch, apply));
        });
    }

    private List<Consumed<Object>> read(Message<List<byte[]>> batch, Consumer<List<Consumed<Object>>> applyBefore) {
        List<byte[]> payloads = batch.getPayload();
        List<?> topics = header(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = header(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = header(batch, KafkaHeaders.OFFSET);
        List<Consumed<Object>> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String topic = (String) topics.get(i);
            Object event = parse(topic, payloads.get(i), i, () -> applyBefore.accept(events));
            events.add(new Consumed<>(topic, ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(), event));
        }
        return events;
    }

    private Object parse(String topic, byte[] payload, int index, Runnable applyBefore) {
        @SuppressWarnings("unchecked")
        Reader<Object> reader = (Reader<Object>) readers.get(topic);
        Object event = null;
        Exception cause = null;
        if (reader != null) {
            try {
                event = json.readValue(payload, reader.type());
            } catch (RuntimeException e) {
                cause = e;
            }
        }
        if (event == null || !reader.valid().test(event)) {
            applyBefore.run();
            throw new BatchListenerFailedException("Unreadable record from " + topic + " at index " + index,
                    new PoisonEvent("Poison event", cause), index);
        }
        return event;
    }

    /** Each record's headers: mapped by the binder's header mapper, or Kafka's own when there is none. */
    private static List<?> recordHeaders(Message<?> batch) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (converted instanceof List<?> list) {
            return list;
        }
        Object raw = batch.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        return raw instanceof List<?> list ? list : List.of();
    }

    private static List<?> header(Message<?> batch, String name) {
        Object value = batch.getHeaders().get(name);
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("A batch-mode binding gives " + name + " as a list; got " + value);
        }
        return list;
    }
}
