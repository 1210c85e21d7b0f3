package com.propty.kit;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every servlet service reads what clients send (README "Input limits"): Tomcat's own refusals as problem+json,
 * its request-line-plus-headers limit set on purpose, and request bodies bound strictly.
 */
@AutoConfiguration
public class HttpInputAutoConfiguration {

    /**
     * Only the JSON converter that reads request bodies is strict: Kafka consumers and provider webhooks keep Boot's
     * lenient mapper (events ignore unknown members; providers' payloads are theirs to shape). Applied last, so it
     * replaces the converter Boot registers with its mapper.
     */
    @Bean
    StrictJsonConverter strictClientInput(JsonMapper jsonMapper) {
        return new StrictJsonConverter(
                new JacksonJsonHttpMessageConverter(StrictInputJackson.apply(jsonMapper.rebuild()).build()));
    }

    static final class StrictJsonConverter implements ServerHttpMessageConvertersCustomizer, Ordered {

        private final JacksonJsonHttpMessageConverter converter;

        StrictJsonConverter(JacksonJsonHttpMessageConverter converter) {
            this.converter = converter;
        }

        @Override
        public void customize(HttpMessageConverters.ServerBuilder builder) {
            builder.withJsonConverter(converter);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    ContainerLimits problemJsonContainerErrors(
            @Value("${propty.http.max-request-header-bytes:32768}") int maxHeaderBytes) {
        return new ContainerLimits(maxHeaderBytes);
    }

    /** Ordered after Boot's own Tomcat customizer, so the header limit set here is the one that holds. */
    static final class ContainerLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final int maxHeaderBytes;

        ContainerLimits(int maxHeaderBytes) {
            this.maxHeaderBytes = maxHeaderBytes;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxHttpRequestHeaderSize(maxHeaderBytes);
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
