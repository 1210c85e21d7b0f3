package com.propty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The opt-in cluster: three nodes, and a context pointed at it creates its topics with three replicas. */
class TestInfrastructureClusterTest {

    @Test
    void registerOnClusterPointsAContextAtEveryNodeWithThreeReplicas() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        TestInfrastructure.registerOnCluster(properties::put);

        String brokers = (String) properties.get("spring.cloud.stream.kafka.binder.brokers").get();
        assertThat(brokers.split(",")).hasSize(3);
        assertThat(properties.get("spring.kafka.bootstrap-servers").get()).isEqualTo(brokers);
        assertThat(properties.get("spring.cloud.stream.kafka.binder.replication-factor").get()).isEqualTo("3");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        }
    }

    @Test
    void theDefaultKafkaIsOneBrokerAndLeavesTheReplicationFactorAlone() {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        TestInfrastructure.register(properties::put);

        assertThat(((String) properties.get("spring.cloud.stream.kafka.binder.brokers").get()).split(",")).hasSize(1);
        assertThat(properties).doesNotContainKey("spring.cloud.stream.kafka.binder.replication-factor");
        assertThat(TestInfrastructure.kafka()).isNotSameAs(TestInfrastructure.kafkaCluster());
    }
}
