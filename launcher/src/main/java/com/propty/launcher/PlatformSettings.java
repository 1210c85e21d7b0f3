package com.propty.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports, directories and JVM options of a local platform. {@link #fromEnvironment} is what {@code ./run.sh} uses (fixed
 * ports, each overridable by environment variable); {@link #randomPorts} is what the system tests use, so they never
 * collide with a running {@code ./run.sh}.
 */
public record PlatformSettings(Path home, Path dataDir, int gatewayPort, int noticePort, int resendPort,
        int deliveryPort, int historyPort, int kafkaPort, int mongoPort, int simulatorPort, String jvmOptions,
        Map<String, String> extraEnv, Jit jit, Topology topology) {

    /** The services (and the gateway), each of which {@link #withInstances} can start several times. */
    public static final List<String> SERVICES = List.of("notice-service", "resend-service", "delivery-service",
            "history-service", "gateway");

    /**
     * How many of each: {@code instances} of every service and of the gateway, {@code brokers} Kafka nodes (1, or a
     * cluster of 3: replication factor 3, {@code min.insync.replicas} 2). {@code ports} holds the ports of the
     * processes beyond the first of each kind (e.g. {@code notice-service-2}, {@code kafka-3}) and of the cluster's
     * controllers ({@code kafka-controller-1}…), chosen when the topology is: fixed ones ({@code ./run.sh}: a second
     * instance on its first's port + 100, brokers on 9092–9094, controllers on 9192–9194) or random free ones (tests).
     */
    public record Topology(int instances, int brokers, boolean fixedPorts, Map<String, Integer> ports) {

        static Topology single(boolean fixedPorts) {
            return new Topology(1, 1, fixedPorts, Map.of());
        }
    }

    /** Which instance a process name is: {@code notice-service-2} is 2, {@code notice-service} 1. */
    public static int instanceNumber(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d+)$").matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The name of the {@code n}th instance (from 1) of a service or broker: the first keeps the plain name. */
    public static String instanceName(String name, int n) {
        return n == 1 ? name : name + "-" + n;
    }

    /** JVM options of every process but the JIT's, which {@link #jvmOptionsFor} adds per process. */
    public static final String BASE_JVM_OPTIONS = "-XX:+UseSerialGC -Xss512k";

    /**
     * Which JIT compilers a process runs with: {@code c1} (C1 only, {@code -XX:TieredStopAtLevel=1}: faster start-up,
     * slower code) or {@code full} (tiered C1 + C2: the long run's throughput). Chosen per process by
     * {@code PROPTY_JIT_<PROCESS>} (e.g. {@code PROPTY_JIT_DELIVERY_SERVICE=c1}), else {@code PROPTY_JIT}, else the
     * platform's default: full for {@code ./run.sh}, whose services run for hours; C1 for the test platforms, which
     * start, run a few minutes of tests and stop, so start-up dominates.
     */
    public enum Jit {
        C1, FULL;

        static Jit parse(String value, Jit fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            return switch (value.trim().toLowerCase()) {
                case "c1" -> C1;
                case "full", "c2" -> FULL;
                default -> throw new IllegalArgumentException("PROPTY_JIT must be c1 or full, not " + value);
            };
        }
    }

    public static PlatformSettings fromEnvironment(Path home) {
        Map<String, String> env = System.getenv();
        return new PlatformSettings(home,
                Path.of(env.getOrDefault("PROPTY_DATA_DIR", home.resolve(".local-data").toString())),
                port(env, "GATEWAY_PORT", 8080), port(env, "NOTICE_SERVICE_PORT", 8081),
                port(env, "RESEND_SERVICE_PORT", 8082), port(env, "DELIVERY_SERVICE_PORT", 8083),
                port(env, "HISTORY_SERVICE_PORT", 8084), port(env, "KAFKA_PORT", 9092), port(env, "MONGO_PORT", 27017),
                port(env, "SIMULATOR_PORT", 8089),
                env.getOrDefault("PROPTY_JVM_OPTS", BASE_JVM_OPTIONS), Map.of(), Jit.FULL, Topology.single(true));
    }

    public static PlatformSettings randomPorts(Path home, Path dataDir, Map<String, String> extraEnv) {
        return new PlatformSettings(home, dataDir, free(), free(), free(), free(), free(), free(), free(), free(),
                BASE_JVM_OPTIONS, extraEnv, Jit.C1, Topology.single(false));
    }

    public PlatformSettings withJvmOptions(String options) {
        return new PlatformSettings(home, dataDir, gatewayPort, noticePort, resendPort, deliveryPort, historyPort,
                kafkaPort, mongoPort, simulatorPort, options, extraEnv, jit, topology);
    }

    /** The default JIT of every process whose own variable does not say otherwise. */
    public PlatformSettings withJit(Jit defaultJit) {
        return new PlatformSettings(home, dataDir, gatewayPort, noticePort, resendPort, deliveryPort, historyPort,
                kafkaPort, mongoPort, simulatorPort, jvmOptions, extraEnv, defaultJit, topology);
    }

    /**
     * {@code instances} of each service and of the gateway, on {@code brokers} Kafka nodes (1 or 3), the ports of the
     * extra processes chosen now (see {@link Topology}).
     */
    public PlatformSettings withTopology(int instances, int brokers) {
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("--instances must be 1 to 9, not " + instances);
        }
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("--brokers must be 1 or 3, not " + brokers);
        }
        boolean fixed = topology.fixedPorts();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int n = 2; n <= instances; n++) {
            for (String service : SERVICES) {
                ports.put(instanceName(service, n), fixed ? firstPort(service) + 100 * (n - 1) : free());
            }
        }
        if (brokers > 1) {
            for (int n = 1; n <= brokers; n++) {
                if (n > 1) {
                    ports.put(instanceName("kafka", n), fixed ? kafkaPort + n - 1 : free());
                }
                ports.put("kafka-controller-" + n, fixed ? kafkaPort + 99 + n : free());
            }
        }
        return new PlatformSettings(home, dataDir, gatewayPort, noticePort, resendPort, deliveryPort, historyPort,
                kafkaPort, mongoPort, simulatorPort, jvmOptions, extraEnv, jit,
                new Topology(instances, brokers, fixed, Map.copyOf(ports)));
    }

    /** The port of a process by its name ({@link #instanceName}): the first instances' own fields, then the topology's. */
    public int portOf(String name) {
        Integer extra = topology.ports().get(name);
        return extra != null ? extra : firstPort(name);
    }

    private int firstPort(String name) {
        return switch (name) {
            case "gateway" -> gatewayPort;
            case "notice-service" -> noticePort;
            case "resend-service" -> resendPort;
            case "delivery-service" -> deliveryPort;
            case "history-service" -> historyPort;
            case "kafka" -> kafkaPort;
            case "mongo" -> mongoPort;
            case "simulator" -> simulatorPort;
            default -> throw new IllegalArgumentException("no process " + name);
        };
    }

    /** The names of every instance of a service (or broker), the first first. */
    public List<String> instancesOf(String name) {
        int count = name.equals("kafka") ? topology.brokers() : topology.instances();
        List<String> names = new java.util.ArrayList<>();
        for (int n = 1; n <= count; n++) {
            names.add(instanceName(name, n));
        }
        return names;
    }

    /** The JIT of one process (see {@link Jit}): the platform's environment first, then the process's own. */
    public Jit jitOf(String component) {
        // a second instance (notice-service-2) runs as its first does
        String own = "PROPTY_JIT_" + component.replaceFirst("-\\d+$", "").toUpperCase().replace('-', '_');
        Map<String, String> env = merge(System.getenv(), extraEnv);
        return Jit.parse(env.get(own), Jit.parse(env.get("PROPTY_JIT"), jit));
    }

    /** The options a process is started with: {@link #jvmOptions}, and C1 only when its JIT is {@code c1}. */
    public String jvmOptionsFor(String component) {
        if (jvmOptions.contains("TieredStopAtLevel") || jitOf(component) == Jit.FULL) {
            return jvmOptions.trim();
        }
        return (jvmOptions.trim() + " -XX:TieredStopAtLevel=1").trim();
    }

    /** Every process's name (as in {@link #components}): the keys {@link #jvmOptionsFor} and {@code PROPTY_JIT_<PROCESS>} take. */
    public static final List<String> PROCESSES = List.of("kafka", "mongo", "simulator", "notice-service",
            "resend-service", "delivery-service", "history-service", "gateway");

    /** Size at which a process's log file is rotated: {@code LOG_FILE_MB} (default 20). */
    long logFileBytes() {
        return Long.parseLong(System.getenv().getOrDefault("LOG_FILE_MB", "20").trim()) * 1024 * 1024;
    }

    /** Rotated log files kept per process: {@code LOG_FILES_KEPT} (default 4), so at most 100 MB per process. */
    int logFilesKept() {
        return Integer.parseInt(System.getenv().getOrDefault("LOG_FILES_KEPT", "4").trim());
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String simulatorUrl() {
        return "http://localhost:" + simulatorPort;
    }

    /** Every broker of the platform, comma-separated. */
    public String kafkaBootstrap() {
        return String.join(",", instancesOf("kafka").stream().map(n -> "localhost:" + portOf(n)).toList());
    }

    /**
     * The instances of every service as Spring Cloud's simple discovery lists, as the members of a JSON object with
     * flat keys ({@code "spring.cloud.discovery.client.simple.instances.notice-service[1].uri": …}), so that they
     * join any SPRING_APPLICATION_JSON a platform's environment sets itself.
     */
    String discoveryJsonMembers() {
        List<String> members = new java.util.ArrayList<>();
        for (String service : SERVICES) {
            if (service.equals("gateway")) {
                continue;
            }
            List<String> names = instancesOf(service);
            for (int n = 0; n < names.size(); n++) {
                members.add("\"spring.cloud.discovery.client.simple.instances." + service + "[" + n + "].uri\":"
                        + "\"http://localhost:" + portOf(names.get(n)) + "\"");
            }
        }
        return String.join(",", members);
    }

    /** SPRING_APPLICATION_JSON of every service: the platform environment's own members, and the discovery lists. */
    static String withMembers(String json, String members) {
        if (json == null || json.isBlank()) {
            return "{" + members + "}";
        }
        String own = json.trim();
        if (!own.startsWith("{") || !own.endsWith("}")) {
            throw new IllegalArgumentException("SPRING_APPLICATION_JSON must be a JSON object");
        }
        String inner = own.substring(1, own.length() - 1).trim();
        return "{" + (inner.isEmpty() ? "" : inner + ",") + members + "}";
    }

    /** Every process of the platform, infrastructure first. */
    List<Component> components() {
        String kafka = kafkaBootstrap();
        String mongo = "mongodb://localhost:" + mongoPort;
        Map<String, String> common = new LinkedHashMap<>();
        common.put("SPRING_PROFILES_ACTIVE", "local");
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("KAFKA_REPLICATION_FACTOR", String.valueOf(topology.brokers()));
        common.put("NOTICE_SERVICE_URL", "http://localhost:" + noticePort);
        common.put("RESEND_SERVICE_URL", "http://localhost:" + resendPort);
        common.put("DELIVERY_SERVICE_URL", "http://localhost:" + deliveryPort);
        common.put("HISTORY_SERVICE_URL", "http://localhost:" + historyPort);
        common.put("PUBLIC_BASE_URL", gatewayUrl());
        common.put("SENDGRID_HOST", "localhost:" + simulatorPort);
        common.put("TWILIO_API_BASE_URL", simulatorUrl());
        // One internal token secret for the gateway and every service (README "Security"), never printed.
        common.put("INTERNAL_TOKEN_SECRET", internalTokenSecret(System.getenv(), dataDir));
        // The services and the gateway listen on loopback only, unless told otherwise.
        common.put("SERVER_ADDRESS", bindAddress(System.getenv()));
        common.putAll(extraEnv);
        if (topology.instances() > 1) {
            // every instance of every service, for the gateway's routes and the services' internal clients
            common.put("SPRING_APPLICATION_JSON", withMembers(common.get("SPRING_APPLICATION_JSON"),
                    discoveryJsonMembers()));
        }
        List<Component> components = new java.util.ArrayList<>(brokers());
        components.add(new Component("mongo", "local-mongo/target/local-mongo-exec.jar", mongoPort, null, "768m",
                Map.of("MONGO_PORT", String.valueOf(mongoPort),
                        "MONGO_DATA_FILE", dataDir.resolve("mongo/data.mv").toString()), true));
        components.add(new Component("simulator", "provider-simulator/target/provider-simulator-exec.jar",
                simulatorPort, "http://localhost:" + simulatorPort + "/admin/messages?limit=0", "256m",
                merge(Map.of("SIMULATOR_PORT", String.valueOf(simulatorPort),
                        "SIM_SENDGRID_WEBHOOK_URL", gatewayUrl() + "/webhooks/sendgrid/events"), extraEnv),
                true));
        for (String service : SERVICES) {
            for (String name : instancesOf(service)) {
                int port = portOf(name);
                components.add(service.equals("gateway")
                        ? new Component(name, "gateway/target/gateway-exec.jar", port,
                                "http://localhost:" + port + "/actuator/health", "384m",
                                merge(common, Map.of("GATEWAY_PORT", String.valueOf(port))), false)
                        : service(service, name, port, mongo, common));
            }
        }
        return List.copyOf(components);
    }

    /** One broker, or the three nodes of a KRaft cluster (each broker and controller, static voters). */
    private List<Component> brokers() {
        if (topology.brokers() == 1) {
            return List.of(new Component("kafka", "local-kafka/target/local-kafka-exec.jar", kafkaPort, null, "512m",
                    Map.of("KAFKA_PORT", String.valueOf(kafkaPort),
                            "KAFKA_DATA_DIR", dataDir.resolve("kafka").toString()), true));
        }
        List<String> voters = new java.util.ArrayList<>();
        for (int n = 1; n <= topology.brokers(); n++) {
            voters.add(n + "@localhost:" + portOf("kafka-controller-" + n));
        }
        List<Component> nodes = new java.util.ArrayList<>();
        for (int n = 1; n <= topology.brokers(); n++) {
            String name = instanceName("kafka", n);
            nodes.add(new Component(name, "local-kafka/target/local-kafka-exec.jar", portOf(name), null, "512m",
                    Map.of("KAFKA_PORT", String.valueOf(portOf(name)),
                            "KAFKA_DATA_DIR", dataDir.resolve("kafka-cluster/node-" + n).toString(),
                            "KAFKA_NODE_ID", String.valueOf(n),
                            "KAFKA_CONTROLLER_PORT", String.valueOf(portOf("kafka-controller-" + n)),
                            "KAFKA_QUORUM_VOTERS", String.join(",", voters)), true));
        }
        return nodes;
    }

    private static Component service(String service, String name, int port, String mongo, Map<String, String> common) {
        String portVariable = service.toUpperCase().replace('-', '_') + "_PORT";
        return new Component(name, service + "/target/" + service + "-exec.jar", port,
                "http://localhost:" + port + "/actuator/health/readiness", "384m",
                merge(common, Map.of(portVariable, String.valueOf(port), "MONGODB_URI", mongo + "/" + service)), false);
    }

    /** {@code PROPTY_BIND_ADDRESS}, by default 127.0.0.1: the local platform is not reachable from the network. */
    static String bindAddress(Map<String, String> env) {
        String address = env.get("PROPTY_BIND_ADDRESS");
        return address == null || address.isBlank() ? "127.0.0.1" : address.trim();
    }

    /**
     * {@code INTERNAL_TOKEN_SECRET} when set, else a random one made the first time and kept in the data directory
     * ({@code internal-token.secret}, readable by its owner only): every process of a platform gets the same one — a
     * component started again later with {@code ./run.sh --only} too — and no local platform runs on the public dev
     * default of application-local.yml.
     */
    static String internalTokenSecret(Map<String, String> env, Path dataDir) {
        String secret = env.get("INTERNAL_TOKEN_SECRET");
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        Path file = dataDir.resolve("internal-token.secret");
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                String kept = java.nio.file.Files.readString(file).trim();
                if (kept.length() >= 32) {
                    return kept;
                }
            }
            java.nio.file.Files.createDirectories(dataDir);
            String made = randomSecret();
            java.nio.file.Files.writeString(file, made);
            try {
                java.nio.file.Files.setPosixFilePermissions(file,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return made;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the internal token secret in " + file, e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * A free port below the kernel's ephemeral range (32768–60999 on Linux): a port picked by binding port 0 comes from
     * that range, where the platform's own outgoing connections (Kafka, Mongo, HTTP clients) take ports too, and one
     * of them could take it before the component that was given it starts. Never one of the local platform's fixed
     * ports (8080–8089, 9092, 9093, 27017), so tests run beside {@code ./run.sh}.
     */
    private static int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tries = 0; tries < 200; tries++) {
            int port = random.nextInt(20_000, 32_000);
            if (USED.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    /** Ports handed out by this JVM: two platforms started by one test run never get the same one. */
    private static final Set<Integer> USED = ConcurrentHashMap.newKeySet();

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
