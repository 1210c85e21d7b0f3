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
}
