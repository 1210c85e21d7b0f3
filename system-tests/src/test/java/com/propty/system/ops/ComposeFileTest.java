package com.propty.system.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} checked statically (no Docker engine on the CI machine): what would break a {@code docker
 * compose up} or open the platform to the outside is caught here, against the services' own configuration.
 */
class ComposeFileTest {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SPRING_SERVICES = List.of("notice-service", "resend-service", "delivery-service",
            "history-service", "gateway");
    /**
     * Empty by default on purpose: a second secret during a rotation, the JWT issuer's key set outside the local
     * profile, and the log format (empty is the plain pattern, README "Tracing and logs").
     */
    static final Set<String> OPTIONAL = Set.of("INTERNAL_TOKEN_PREVIOUS_SECRET", "PROPTY_JWK_SET_URI", "PROPTY_JWT_ISSUER",
            "PROPTY_LOG_FORMAT");
    /** The ports the third-party images listen on, and the simulator's default. */
    static final Map<String, Integer> IMAGE_PORTS = Map.of("kafka", 9092, "kafka-2", 9092, "kafka-3", 9092,
            "mongo", 27017, "simulator", 8089);
    /** Variables the four services read through service-kit's defaults rather than their own application.yml. */
    static final Path KIT_DEFAULTS = Path.of("service-kit/src/main/java/com/propty/kit/topics/TopicDefaults.java");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    static final Pattern HOST_PORT = Pattern.compile("(?:^|[/@,])([a-z][a-z0-9-]*):(\\d+)");

    final Map<String, Object> compose = load();
    final Map<String, Map<String, Object>> services = map(compose.get("services"));

    @Test
    void theWholePlatformIsThere() {
        assertThat(services).containsKeys("kafka", "mongo", "simulator", "prometheus", "grafana")
                .containsKeys(SPRING_SERVICES.toArray(String[]::new));
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        services.forEach((name, service) -> assertThat((String) service.get("image")).as(name)
                .matches("[a-z0-9./-]+:v?[0-9][A-Za-z0-9._-]*\\.[0-9][A-Za-z0-9._-]*"));
    }

    @Test
    void everyJarMountedIsOneTheReactorBuilds() {
        services.forEach((name, service) -> {
            for (String volume : strings(service.get("volumes"))) {
                Matcher jar = Pattern.compile("^\\./([a-z-]+)/target/([a-z-]+)-exec\\.jar:").matcher(volume);
                if (volume.startsWith("./ops/")) {
                    // the ops profile's checked-in configuration (Prometheus rules, Grafana dashboards), read-only
                    assertThat(HOME.resolve(volume.substring(2, volume.indexOf(':')))).as(name + " mounts " + volume)
                            .isDirectory();
                    assertThat(volume).endsWith(":ro");
                } else if (volume.startsWith("./")) {
                    assertThat(jar.find()).as(name + " mounts " + volume).isTrue();
                    String pom = read(HOME.resolve(jar.group(1)).resolve("pom.xml"));
                    assertThat(pom).as(jar.group(1) + " builds " + jar.group(2) + "-exec.jar")
                            .contains("<artifactId>" + jar.group(2) + "</artifactId>")
                            .contains("<finalName>${project.artifactId}</finalName>")
                            .contains("<classifier>exec</classifier>");
                }
            }
        });
    }

    @Test
    void everyVariableAServiceIsGivenIsOneItReads() {
        for (String name : withOwnConfiguration()) {
            Set<String> reads = readVariables(name);
            assertThat(environment(name).keySet()).as(name + " is given only what it reads")
                    .allMatch(variable -> reads.contains(variable) || variable.startsWith("SPRING_"), "read by " + name);
        }
    }

    @Test
    void everyVariableAServiceNeedsIsGivenAndTheInternalSecretNeverDefaults() {
        for (String name : SPRING_SERVICES) {
            Map<String, String> env = environment(name);
            Map<String, String> profileDefaults = profileDefaults(name, env.getOrDefault("SPRING_PROFILES_ACTIVE", ""));
            Set<String> missing = new TreeSet<>();
            for (String required : requiredVariables(name)) {
                String profileDefault = profileDefaults.get(required);
                if (!env.containsKey(required) && (profileDefault == null || profileDefault.isEmpty())) {
                    missing.add(required);
                }
            }
            assertThat(missing).as(name + " would start without").isEmpty();
            assertThat(env).as(name + ": never the local profile's well-known secret").containsKey("INTERNAL_TOKEN_SECRET");
            assertThat(env.get("INTERNAL_TOKEN_SECRET")).startsWith("${INTERNAL_TOKEN_SECRET:?");
        }
    }

    @Test
    void everyAddressAServiceIsGivenIsAServiceOnThePortItListensOn() {
        Map<String, Integer> ports = new HashMap<>(IMAGE_PORTS);
        SPRING_SERVICES.forEach(name -> ports.put(name, serverPort(name)));
        List<String> addresses = new ArrayList<>();
        withOwnConfiguration().forEach(name -> environment(name).forEach((variable, value) -> {
            Matcher m = HOST_PORT.matcher(value);
            while (m.find()) {
                addresses.add(name + " " + variable + "=" + m.group(1) + ":" + m.group(2));
                assertThat(ports).as(name + " " + variable + " names a service").containsKey(m.group(1));
                assertThat(Integer.parseInt(m.group(2))).as(name + " " + variable).isEqualTo(ports.get(m.group(1)));
            }
        }));
        assertThat(addresses).as("the URLs checked").hasSizeGreaterThan(10);
    }

    @Test
    void onlyTheGatewayIsPublishedOnThePortItListensOn() {
        Map<String, List<String>> published = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (service.containsKey("ports")) {
                published.put(name, strings(service.get("ports")));
            }
        });
        assertThat(published).containsOnlyKeys("gateway", "grafana");
        assertThat(published.get("gateway")).containsExactly("8080:" + serverPort("gateway"));
        // the ops profile's dashboards, on the host's loopback only
        assertThat(published.get("grafana")).containsExactly("127.0.0.1:3000:3000");
        assertThat(strings(services.get("grafana").get("profiles"))).containsExactly("ops");
    }

    @Test
    void theBackendNetworkHasNoRouteOutAndOnlyTheGatewayLeavesIt() {
        Map<String, Map<String, Object>> networks = map(compose.get("networks"));
        assertThat(networks.get("backend")).containsEntry("internal", true);
        services.forEach((name, service) -> {
            List<String> joined = strings(service.get("networks"));
            assertThat(networks.keySet()).as(name + "'s networks are declared").containsAll(joined);
            assertThat(joined).as(name).contains("backend");
            if (!name.equals("gateway") && !name.equals("grafana")) {
                assertThat(joined).as(name + " only on the internal network").containsExactly("backend");
            }
        });
    }

    @Test
    void mongoRequiresAuthenticationAndEveryServiceSignsIn() {
        assertThat(environment("mongo").get("MONGO_INITDB_ROOT_PASSWORD")).startsWith("${MONGO_PASSWORD:?");
        for (String name : SPRING_SERVICES) {
            String uri = environment(name).get("MONGODB_URI");
            if (uri != null) {
                assertThat(uri).as(name).matches("mongodb://\\$\\{MONGO_USER:-[a-z]+}:\\$\\{MONGO_PASSWORD}@mongo:27017/" + name + "\\?authSource=admin");
            }
        }
        assertThat(SPRING_SERVICES.stream().filter(n -> environment(n).containsKey("MONGODB_URI"))).hasSize(4);
    }

    @Test
    void theScaledFormRunsTwoOfEachServiceOnThreeBrokersReplicatingEveryTopicThreeTimes() {
        List<String> brokers = List.of("kafka", "kafka-2", "kafka-3");
        assertThat(services).containsKeys(brokers.toArray(String[]::new));
        for (String broker : brokers) {
            Map<String, String> env = environment(broker);
            assertThat(env).as(broker).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS",
                    "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
        }
        assertThat(brokers.stream().map(b -> environment(b).get("KAFKA_NODE_ID"))).containsExactly("1", "2", "3");
        for (String name : SPRING_SERVICES) {
            Map<String, Object> deploy = map(services.get(name).get("deploy"));
            assertThat(deploy.get("replicas")).as(name + " replicas").isEqualTo(name.equals("gateway") ? 1 : 2);
            if (!name.equals("gateway")) {
                assertThat(environment(name)).as(name).containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092,kafka-2:9092,kafka-3:9092");
            }
        }
    }

    @Test
    void everyDependencyIsAServiceOfTheFileAndWaitsUntilItIsHealthy() {
        services.forEach((name, service) -> {
            Map<String, Map<String, Object>> dependencies = service.get("depends_on") == null ? Map.of()
                    : map(service.get("depends_on"));
            assertThat(services.keySet()).as(name + " depends on").containsAll(dependencies.keySet());
            dependencies.forEach((dependency, how) -> assertThat(how).as(name + " → " + dependency)
                    .containsEntry("condition", "service_healthy"));
        });
        assertThat(map(services.get("gateway").get("depends_on")).keySet()).containsAll(
                SPRING_SERVICES.stream().filter(n -> !n.equals("gateway")).toList());
    }

    @Test
    void everyProcessHasAHealthCheckTheOthersWaitFor() {
        services.forEach((name, service) -> {
            Map<String, Object> check = service.get("healthcheck") == null ? null : map(service.get("healthcheck"));
            assertThat(check).as(name + " health check").isNotNull().containsKey("test");
            assertThat(strings(check.get("test"))).as(name).isNotEmpty();
        });
        for (String name : SPRING_SERVICES) {
            assertThat(String.join(" ", strings(map(services.get(name).get("healthcheck")).get("test"))))
                    .as(name + " is ready when its readiness group is")
                    .contains("localhost:" + serverPort(name) + "/actuator/health/readiness");
        }
    }

    @Test
    void theSimulatorAndTheOpsToolsAreProfilesAndOpsUsesTheCheckedInRulesAndDashboard() {
        assertThat(strings(services.get("simulator").get("profiles"))).containsExactly("simulator");
        assertThat(strings(services.get("prometheus").get("profiles"))).containsExactly("ops");
        assertThat(strings(services.get("prometheus").get("volumes"))).contains("./ops/prometheus:/etc/prometheus:ro");
        assertThat(strings(services.get("grafana").get("volumes")))
                .contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./ops/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        String scrape = read(HOME.resolve("ops/prometheus/prometheus-compose.yml"));
        assertThat(scrape).contains("- alerts.yml");
        for (String name : SPRING_SERVICES) {
            assertThat(scrape).as(name + " scraped, every replica")
                    .contains("job_name: " + name + "\n    metrics_path: /actuator/prometheus\n    dns_sd_configs: [{ names: ["
                            + name + "], type: A, port: " + serverPort(name) + " }]");
        }
    }

    private List<String> withOwnConfiguration() {
        List<String> names = new ArrayList<>(SPRING_SERVICES);
        names.add("simulator");
        return names;
    }

    /** Every variable a service's configuration names ({@code ${VAR…}}), or the simulator's settings read. */
    private static Set<String> readVariables(String name) {
        Set<String> variables = new TreeSet<>();
        if (name.equals("simulator")) {
            Matcher m = Pattern.compile("getOrDefault\\(\"([A-Z_]+)\"").matcher(read(HOME.resolve(
                    "provider-simulator/src/main/java/com/propty/simulator/SimulatorSettings.java")));
            while (m.find()) {
                variables.add(m.group(1));
            }
            return variables;
        }
        List<Path> files = new ArrayList<>(configurationFiles(name));
        if (!name.equals("gateway")) {
            files.add(HOME.resolve(KIT_DEFAULTS));
        }
        for (Path file : files) {
            Matcher m = PLACEHOLDER.matcher(read(file));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return variables;
    }

    /** The variables of application.yml that have no default or an empty one (a secret), but the optional ones. */
    private static Set<String> requiredVariables(String name) {
        Set<String> required = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(read(resources(name).resolve("application.yml")));
        while (m.find()) {
            if ((m.group(2) == null || m.group(2).isEmpty()) && !OPTIONAL.contains(m.group(1))) {
                required.add(m.group(1));
            }
        }
        return required;
    }

    /** The defaults the active profiles' files give variables. */
    private static Map<String, String> profileDefaults(String name, String profiles) {
        Map<String, String> defaults = new HashMap<>();
        for (String profile : profiles.split(",")) {
            Path file = resources(name).resolve("application-" + profile.trim() + ".yml");
            if (!profile.isBlank() && Files.exists(file)) {
                Matcher m = PLACEHOLDER.matcher(read(file));
                while (m.find()) {
                    defaults.put(m.group(1), m.group(2) == null ? "" : m.group(2));
                }
            }
        }
        return defaults;
    }

    private static int serverPort(String name) {
        Matcher m = Pattern.compile("server:\\s*\\n\\s+port: \\$\\{[A-Z_]+:(\\d+)}")
                .matcher(read(resources(name).resolve("application.yml")));
        assertThat(m.find()).as(name + " server.port").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Path resources(String name) {
        return HOME.resolve(name).resolve("src/main/resources");
    }

    private static List<Path> configurationFiles(String name) {
        try (Stream<Path> files = Files.list(resources(name))) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = services.get(service).get("environment");
        if (raw != null) {
            map(raw).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        return env;
    }

    private static Map<String, Object> load() {
        return new Yaml().load(read(HOME.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return (Map<String, V>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object yaml) {
        return yaml == null ? List.of() : (List<String>) yaml;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
