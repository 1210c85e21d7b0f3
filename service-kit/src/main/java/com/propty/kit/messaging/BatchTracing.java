package com.propty.kit.messaging;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues the traces a batch's records carry. A batch listener gets no observation per record (Spring Kafka
 * observes record listeners only), and a use case applies a batch at once, so the work on a batch runs in one span:
 * the child of the first record's trace (a batch of one resend's records, the usual case, stays in that trace), with
 * a link to every other trace in the batch. Its log lines carry that trace and span; what it publishes carries them
 * on. A record without a {@code traceparent} adds nothing; a batch without any starts a trace of its own.
 */
public final class BatchTracing {

    private static final Logger log = LoggerFactory.getLogger(BatchTracing.class);
    private static final String TRACEPARENT = "traceparent";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final Tracer tracer;
    private final Propagator propagator;

    /** With {@link Tracer#NOOP} (no tracing in the service) the work just runs. */
    public BatchTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Runs {@code work} in the batch's span. {@code recordHeaders} are the records' headers in order, each a map of
     * header values (a batch binding's converted headers) or Kafka {@link Headers} (its native ones).
     */
    public void around(String name, List<?> recordHeaders, Runnable work) {
        if (tracer == Tracer.NOOP) {
            work.run();
            return;
        }
        // by trace, not by traceparent: the chunks of one resend were each published in a span of their own
        Map<String, TraceContext> traces = new LinkedHashMap<>();
        Object first = null;
        for (Object headers : recordHeaders) {
            TraceContext context = context(value(headers, TRACEPARENT));
            if (context != null && traces.putIfAbsent(context.traceId(), context) == null && first == null) {
                first = headers;
            }
        }
        Span.Builder builder = first == null ? tracer.spanBuilder()
                : propagator.extract(first, BatchTracing::value);
        traces.values().stream().skip(1).forEach(c -> builder.addLink(new Link(c)));
        Span span = builder.name(name).kind(Span.Kind.CONSUMER).tag("messaging.batch.message_count",
                String.valueOf(recordHeaders.size())).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            if (log.isDebugEnabled()) {
                // the linked traces by name, so that looking for a trace id in the logs finds this batch too
                List<String> linked = traces.keySet().stream().skip(1).toList();
                log.debug("{}: {} records{}", name, recordHeaders.size(),
                        linked.isEmpty() ? "" : ", also of traces " + linked);
            }
            work.run();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * A W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) as a context to link to; null if there is
     * none or it is not one. The propagator only extracts a span to start, which a link does not need.
     */
    private TraceContext context(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        if (parts.length < 4 || !HEX.matcher(parts[1]).matches() || parts[1].length() != 32
                || !HEX.matcher(parts[2]).matches() || parts[2].length() != 16 || parts[3].length() != 2) {
            return null;
        }
        int flags = Character.digit(parts[3].charAt(1), 16);
        return tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(flags >= 0 && (flags & 1) == 1)
                .build();
    }

    private static String value(Object headers, String key) {
        Object value = null;
        if (headers instanceof Map<?, ?> map) {
            value = map.get(key);
        } else if (headers instanceof Headers kafka) {
            Header header = kafka.lastHeader(key);
            value = header == null ? null : header.value();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value instanceof String text ? text : null;
    }
}
