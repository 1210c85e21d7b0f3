package com.propty.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.kit.tracing.TracedApplication;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch consumer's work continues the trace its records came with: its log lines carry the producer's trace id,
 * and the records of other traces are linked, not lost.
 */
class EventBatchTracingTest {

    record Ping(String id) {
    }

    static final String TOPIC = "pings";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PRODUCER_SPAN = "00f067aa0ba902b7";
    static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String OTHER_SPAN = "b7ad6b7169203331";

    final SpanRecorder exported = new SpanRecorder();
    final List<String> tracesInMdc = new ArrayList<>();

    @Test
    void the_work_on_a_batch_continues_its_first_records_trace_and_links_the_others() {
        try (ConfigurableApplicationContext service = TracedApplication.start(new Object[] {exported})) {
            events(service).consume(batch(
                    Map.of("traceparent", bytes("00-" + TRACE + "-" + PRODUCER_SPAN + "-01")),
                    // the same trace from another producer span (another chunk of the same resend): no link
                    Map.of("traceparent", "00-" + TRACE + "-" + OTHER_SPAN + "-01"),
                    Map.of("traceparent", bytes("00-" + OTHER_TRACE + "-" + OTHER_SPAN + "-01")),
                    Map.of()), this::apply);
        }
        assertThat(tracesInMdc).containsExactly(TRACE);
        SpanData span = exported.single();
        assertThat(span.getName()).isEqualTo("process " + TOPIC);
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(PRODUCER_SPAN);
        assertThat(span.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getSpanContext().getTraceId()).isEqualTo(OTHER_TRACE);
            assertThat(link.getSpanContext().getSpanId()).isEqualTo(OTHER_SPAN);
        });
    }

    @Test
    void a_batch_without_a_trace_starts_one_and_a_poison_record_marks_its_span_failed() {
        try (ConfigurableApplicationContext service = TracedApplication.start(new Object[] {exported})) {
            Message<List<byte[]>> batch = batch(List.of(bytes("{\"id\":\"p1\"}"), bytes("not json")), Map.of(),
                    Map.of());
            assertThatThrownBy(() -> events(service).consume(batch, this::apply))
                    .isInstanceOf(BatchListenerFailedException.class);
        }
        SpanData span = exported.single();
        assertThat(tracesInMdc).as("the record before the poison one was applied in the batch's trace")
                .containsExactly(span.getTraceId());
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    private void apply(List<Consumed<Object>> events) {
        if (!events.isEmpty()) {
            tracesInMdc.add(MDC.get("traceId"));
        }
    }

    private static EventBatch events(ConfigurableApplicationContext service) {
        return new EventBatch(JsonMapper.builder().build(), new BatchTracing(service.getBean(Tracer.class),
                service.getBean(Propagator.class))).topic(TOPIC, Ping.class, p -> p.id() != null);
    }

    @SafeVarargs
    private static Message<List<byte[]>> batch(Map<String, Object>... recordHeaders) {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < recordHeaders.length; i++) {
            payloads.add(bytes("{\"id\":\"p" + i + "\"}"));
        }
        return batch(payloads, recordHeaders);
    }

    @SafeVarargs
    private static Message<List<byte[]>> batch(List<byte[]> payloads, Map<String, Object>... recordHeaders) {
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; i < payloads.size(); i++) {
            offsets.add(i);
        }
        return MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, payloads.stream().map(p -> TOPIC).toList())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, payloads.stream().map(p -> 0).toList())
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(recordHeaders)).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What the service would export, kept in memory (a span is exported once it ended, at the latest on close). */
    static final class SpanRecorder implements SpanExporter {

        private final List<SpanData> spans = new CopyOnWriteArrayList<>();

        SpanData single() {
            assertThat(spans).hasSize(1);
            return spans.get(0);
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
