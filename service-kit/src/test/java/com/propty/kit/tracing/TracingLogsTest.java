package com.propty.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service's log lines carry the trace and span of the work they belong to, in Boot's plain pattern when
 * {@code PROPTY_LOG_FORMAT} is empty (the default) and as JSON when it names a structured format; no exporter is
 * created unless OTLP is switched on.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingLogsTest {

    private static final Logger log = LoggerFactory.getLogger(TracingLogsTest.class);

    @AfterEach
    void forgetTheLogFormat() {
        // Boot hands the format to Logback as a system property, which would outlive this test's application
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void with_the_default_format_a_line_is_plain_and_names_its_trace_and_span(CapturedOutput output) {
        try (ConfigurableApplicationContext service = start()) {
            Span span = logInASpan(service.getBean(Tracer.class), "plain line");
            String line = lineOf(output, "plain line");
            assertThat(line).doesNotStartWith("{")
                    .contains("[test-service]")
                    .contains("[" + span.context().traceId() + "-" + span.context().spanId() + "]");
        }
    }

    @Test
    void a_format_boot_does_not_know_fails_start_up_rather_than_logging_plain_lines() {
        assertThatThrownBy(() -> start("--PROPTY_LOG_FORMAT=json").close()).rootCause()
                .hasMessageContaining("json");
    }

    @Test
    void spans_are_exported_over_otlp_only_when_switched_on() {
        try (ConfigurableApplicationContext service = start()) {
            assertThat(service.getBeanNamesForType(SpanExporter.class)).isEmpty();
        }
        try (ConfigurableApplicationContext service = start("--OTLP_TRACING_ENABLED=true",
                "--OTLP_TRACING_ENDPOINT=http://collector.example:4318/v1/traces")) {
            assertThat(service.getBeanNamesForType(SpanExporter.class)).hasSize(1);
        }
    }

    @Test
    void with_ecs_a_line_is_json_with_its_trace_and_span(CapturedOutput output) {
        try (ConfigurableApplicationContext service = start("--PROPTY_LOG_FORMAT=ecs")) {
            Span span = logInASpan(service.getBean(Tracer.class), "json line");
            String line = lineOf(output, "json line");
            assertThat(line).startsWith("{").contains("\"traceId\":\"" + span.context().traceId() + "\"")
                    .contains("\"spanId\":\"" + span.context().spanId() + "\"");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return TracedApplication.start(args);
    }

    private static Span logInASpan(Tracer tracer, String message) {
        Span span = tracer.nextSpan().name("work").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            log.info(message);
        } finally {
            span.end();
        }
        return span;
    }

    private static String lineOf(CapturedOutput output, String message) {
        return output.getOut().lines().filter(l -> l.contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + message + " in\n" + output.getOut()));
    }
}
