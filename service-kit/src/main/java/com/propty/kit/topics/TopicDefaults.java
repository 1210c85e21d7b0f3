package com.propty.kit.topics;

import com.propty.events.Topics;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The binder provisions topics from the catalogue: its partition count ({@link Topics#PARTITION_COUNT}) and the
 * replication factor of {@code KAFKA_REPLICATION_FACTOR} (1 for the single local broker, 3 on a cluster). Lowest
 * precedence, so a service's own configuration still wins.
 */
public class TopicDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("propty-topic-catalogue", Map.of(
                "spring.cloud.stream.kafka.binder.min-partition-count", Topics.PARTITION_COUNT,
                "spring.cloud.stream.kafka.binder.replication-factor", "${KAFKA_REPLICATION_FACTOR:1}")));
    }
}
