package com.propty.kit.tracing;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** An application with nothing but tracing, as a service has it (the kit's defaults apply). */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
        OtlpTracingAutoConfiguration.class})
public class TracedApplication {

    public static ConfigurableApplicationContext start(Object[] beans, String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TracedApplication.class)
                .web(WebApplicationType.NONE).properties("spring.application.name=test-service",
                        // the root spans these tests start are recorded, whatever the default sampling
                        "TRACING_SAMPLING_PROBABILITY=1.0");
        for (Object bean : beans) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton(
                    bean.getClass().getName(), bean));
        }
        return builder.run(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return start(new Object[0], args);
    }
}
