package com.propty.kit.messaging;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The {@link EventPublisher} and {@link ConsumerRetries} of every service that talks to Kafka, on the binder's brokers. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
@ConditionalOnProperty("spring.cloud.stream.kafka.binder.brokers")
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            ObjectProvider<JsonMapper> json, MessagingProperties properties,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor,
            ObjectProvider<ObservationRegistry> observations) {
        return new EventPublisher(brokers, json.getIfAvailable(() -> JsonMapper.builder().build()),
                properties.publishTimeout(), replicationFactor, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerRetries consumerRetries(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            MessagingProperties properties) {
        return new ConsumerRetries(brokers, properties);
    }
}
