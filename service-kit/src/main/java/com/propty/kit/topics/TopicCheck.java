package com.propty.kit.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Reads the partition counts of the catalogue's existing topics from the brokers and applies {@link TopicLayout}. */
public final class TopicCheck {

    private TopicCheck() {
    }

    public static void verify(String brokers, Map<String, Integer> configured) {
        TopicLayout.requireMatching(configured, existing(brokers, configured));
    }

    static Map<String, Integer> existing(String brokers, Map<String, Integer> configured) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Map<String, Integer> counts = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                    : admin.describeTopics(configured.keySet()).topicNameValues().entrySet()) {
                try {
                    counts.put(topic.getKey(), topic.getValue().get(30, TimeUnit.SECONDS).partitions().size());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("Could not describe topic " + topic.getKey(), e.getCause());
                    }
                }
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while describing topics", e);
        }
    }
}
