package com.propty.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    static final List<String> HTTP_PROCESSES = List.of("notice-service", "resend-service", "delivery-service",
            "history-service", "gateway");

    final List<Component> components = PlatformSettings.randomPorts(Path.of("."), Path.of("data"), Map.of())
            .components();

    @Test
    void the_gateway_and_every_service_get_one_internal_token_secret_and_nothing_else_gets_it() {
        Map<String, String> secrets = components.stream().filter(c -> c.env().containsKey("INTERNAL_TOKEN_SECRET"))
                .collect(Collectors.toMap(Component::name, c -> c.env().get("INTERNAL_TOKEN_SECRET")));

        assertThat(secrets.keySet()).containsExactlyInAnyOrderElementsOf(HTTP_PROCESSES);
        assertThat(secrets.values()).hasSize(5).allSatisfy(secret -> {
            assertThat(secret).isEqualTo(secrets.get("gateway"));
            assertThat(secret.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
        });
        assertThat(components.toString()).doesNotContain(secrets.get("gateway"));
    }

    @Test
    void the_gateway_and_every_service_bind_the_configured_address() {
        assertThat(components).filteredOn(c -> HTTP_PROCESSES.contains(c.name()))
                .allSatisfy(c -> assertThat(c.env().get("SERVER_ADDRESS"))
                        .isEqualTo(PlatformSettings.bindAddress(System.getenv())));
    }

    @Test
    void loopback_unless_told_otherwise_and_an_explicit_secret_wins_over_a_random_one() {
        assertThat(PlatformSettings.bindAddress(Map.of())).isEqualTo("127.0.0.1");
        assertThat(PlatformSettings.bindAddress(Map.of("PROPTY_BIND_ADDRESS", "0.0.0.0"))).isEqualTo("0.0.0.0");
        String secret = "an-operator-chosen-internal-token-secret-0123";
        assertThat(PlatformSettings.internalTokenSecret(Map.of("INTERNAL_TOKEN_SECRET", secret), dir))
                .isEqualTo(secret);
        String made = PlatformSettings.internalTokenSecret(Map.of(), dir);
        assertThat(made).hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo("local-dev-internal-token-secret-change-me-0123456789");
        // a later run on the same data (./run.sh --only notice-service) gets the same one
        assertThat(PlatformSettings.internalTokenSecret(Map.of(), dir)).isEqualTo(made);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void a_test_platform_runs_every_process_with_c1_only() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"), Map.of());

        assertThat(PlatformSettings.PROCESSES).allSatisfy(p -> assertThat(settings.jvmOptionsFor(p))
                .isEqualTo("-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1"));
    }

    @Test
    void a_long_running_platform_runs_every_process_with_the_full_jit() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"), Map.of())
                .withJit(PlatformSettings.Jit.FULL);

        assertThat(PlatformSettings.PROCESSES).allSatisfy(p -> assertThat(settings.jvmOptionsFor(p))
                .isEqualTo("-XX:+UseSerialGC -Xss512k"));
    }

    @Test
    void one_process_can_have_its_own_jit() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"),
                Map.of("PROPTY_JIT", "full", "PROPTY_JIT_DELIVERY_SERVICE", "c1"));

        assertThat(settings.jvmOptionsFor("delivery-service")).endsWith("-XX:TieredStopAtLevel=1");
        assertThat(settings.jvmOptionsFor("notice-service")).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void an_unknown_jit_is_refused() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"),
                Map.of("PROPTY_JIT", "turbo"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.jvmOptionsFor("gateway"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c1 or full");
    }

    @Test
    void two_instances_run_a_second_of_each_service_on_its_first_port_plus_100_and_all_know_each_other() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(dir).withTopology(2, 1);
        Map<String, Component> byName = settings.components().stream()
                .collect(Collectors.toMap(Component::name, c -> c));

        assertThat(byName.get("notice-service").port()).isEqualTo(settings.noticePort());
        assertThat(byName.get("notice-service-2").port()).isEqualTo(settings.noticePort() + 100);
        assertThat(byName.get("gateway-2").port()).isEqualTo(settings.gatewayPort() + 100);
        assertThat(byName.get("notice-service-2").env()).containsEntry("NOTICE_SERVICE_PORT",
                String.valueOf(settings.noticePort() + 100));
        // one store and one consumer group per service, whichever the instance
        assertThat(byName.get("notice-service-2").env().get("MONGODB_URI"))
                .isEqualTo(byName.get("notice-service").env().get("MONGODB_URI"));
        assertThat(byName.get("gateway").env().get("SPRING_APPLICATION_JSON"))
                .contains("\"spring.cloud.discovery.client.simple.instances.notice-service[0].uri\":"
                        + "\"http://localhost:" + settings.noticePort() + "\"")
                .contains("\"spring.cloud.discovery.client.simple.instances.notice-service[1].uri\":"
                        + "\"http://localhost:" + (settings.noticePort() + 100) + "\"")
                .contains("instances.history-service[1].uri");
        assertThat(byName).doesNotContainKey("kafka-2");
        assertThat(PlatformSettings.instanceNumber("notice-service-2")).isEqualTo(2);
        assertThat(PlatformSettings.instanceNumber("notice-service")).isEqualTo(1);
    }

    @Test
    void three_brokers_are_one_cluster_of_static_voters_and_every_service_replicates_to_three() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"), Map.of())
                .withTopology(1, 3);
        List<Component> nodes = settings.components().stream().filter(c -> c.name().startsWith("kafka")).toList();

        assertThat(nodes).extracting(Component::name).containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(nodes).extracting(c -> c.env().get("KAFKA_QUORUM_VOTERS")).containsOnly(
                nodes.get(0).env().get("KAFKA_QUORUM_VOTERS"));
        assertThat(nodes.get(0).env().get("KAFKA_QUORUM_VOTERS").split(",")).hasSize(3);
        assertThat(nodes).extracting(c -> c.env().get("KAFKA_NODE_ID")).containsExactly("1", "2", "3");
        assertThat(nodes).extracting(c -> c.env().get("KAFKA_DATA_DIR")).doesNotHaveDuplicates();
        assertThat(settings.kafkaBootstrap().split(",")).hasSize(3);
        Component notices = settings.components().stream().filter(c -> c.name().equals("notice-service"))
                .findFirst().orElseThrow();
        assertThat(notices.env()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap())
                .containsEntry("KAFKA_REPLICATION_FACTOR", "3").doesNotContainKey("SPRING_APPLICATION_JSON");
    }

    @Test
    void the_discovery_lists_join_the_json_the_environment_sets_itself() {
        assertThat(PlatformSettings.withMembers("{\"a.b\":\"1\"}", "\"c\":\"2\""))
                .isEqualTo("{\"a.b\":\"1\",\"c\":\"2\"}");
        assertThat(PlatformSettings.withMembers(null, "\"c\":\"2\"")).isEqualTo("{\"c\":\"2\"}");
        assertThat(PlatformSettings.withMembers(" { } ", "\"c\":\"2\"")).isEqualTo("{\"c\":\"2\"}");
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"),
                Map.of("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"8000\"}"))
                .withTopology(2, 1);
        String json = settings.components().stream().filter(c -> c.name().equals("resend-service-2")).findFirst()
                .orElseThrow().env().get("SPRING_APPLICATION_JSON");
        assertThat(json).contains("session.timeout.ms").contains("instances.notice-service[1].uri");
    }

    @Test
    void a_topology_that_cannot_work_is_refused() {
        PlatformSettings settings = PlatformSettings.randomPorts(Path.of("."), Path.of("data"), Map.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.withTopology(1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.withTopology(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LocalPlatform.count(List.of("--demo", "--instances", "2"), "--instances")).isEqualTo(2);
        assertThat(LocalPlatform.count(List.of("--demo"), "--brokers")).isEqualTo(1);
    }
}
