package com.propty.localkafka;

import java.nio.file.Path;

/** Runs the local platform's Kafka broker: {@code KAFKA_PORT} (9092), data in {@code KAFKA_DATA_DIR}. */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
        int port = Integer.parseInt(env("KAFKA_PORT", "9092"));
        Path dataDir = Path.of(env("KAFKA_DATA_DIR", ".local-data/kafka"));
        KafkaBroker broker = KafkaBroker.start(port, dataDir, Integer.parseInt(env("KAFKA_PARTITIONS", "12")));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
