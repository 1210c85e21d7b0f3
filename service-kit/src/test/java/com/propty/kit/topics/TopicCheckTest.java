package com.propty.kit.topics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The refusal against the real in-process broker. */
class TopicCheckTest {

    private final String brokers = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void refusesAnExistingTopicWithAnotherPartitionCount() throws Exception {
        String topic = create(4);
        assertThatThrownBy(() -> TopicCheck.verify(brokers, Map.of(topic, 12)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic " + topic + " has 4 partitions, the configuration says 12");
    }

    @Test
    void acceptsAnExistingTopicWithTheConfiguredCountAndOneNotCreatedYet() throws Exception {
        String topic = create(12);
        assertThatCode(() -> TopicCheck.verify(brokers, Map.of(topic, 12, "absent-" + UUID.randomUUID(), 12)))
                .doesNotThrowAnyException();
    }

    private String create(int partitions) throws Exception {
        String topic = "layout-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        }
        return topic;
    }
}
