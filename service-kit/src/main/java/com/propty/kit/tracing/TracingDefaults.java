package com.propty.kit.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tracing and log settings every service shares (README "Tracing and logs"); the gateway's application.yml has
 * the same. One new trace in ten is recorded by default (README "Tracing and logs": at 1.0 the send cost about 10 %
 * more CPU); {@code TRACING_SAMPLING_PROBABILITY=1.0} records every trace. Spans are exported only when
 * {@code OTLP_TRACING_ENABLED} is true (Boot creates the exporter as soon as an endpoint property exists, even an
 * empty one, so the endpoint always has a value and the flag decides). Lowest precedence, so a service's own configuration still wins.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("propty-tracing-defaults", Map.of(
                "management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}",
                "management.tracing.export.otlp.enabled", "${OTLP_TRACING_ENABLED:false}",
                "management.opentelemetry.tracing.export.otlp.endpoint",
                "${OTLP_TRACING_ENDPOINT:http://localhost:4318/v1/traces}",
                // the binder's producers send traceparent, its consumers observe what they receive
                "spring.cloud.stream.kafka.binder.enable-observation", "true",
                // empty: Boot's plain pattern, which carries [traceId-spanId]; ecs, logstash or gelf: JSON
                "logging.structured.format.console", "${PROPTY_LOG_FORMAT:}")));
    }
}
