package com.propty.kit.topics;

import com.propty.events.Topics;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Every service with a Kafka binder checks, while its context starts (before its bindings provision or subscribe),
 * that the catalogue's existing topics have the configured partition counts, and refuses to start otherwise.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.Admin")
@ConditionalOnProperty("spring.cloud.stream.kafka.binder.brokers")
public class TopicsAutoConfiguration {

    @Bean
    InitializingBean topicLayoutCheck(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return () -> TopicCheck.verify(brokers, Topics.PARTITIONS);
    }
}
