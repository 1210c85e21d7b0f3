#!/usr/bin/env bash
# Dead-letter topics: list them, show their messages with the failure reason, replay them to their original topic.
#
#   scripts/dlq.sh list                          every *.dlq topic: messages held, and how many were never replayed
#   scripts/dlq.sh show <dlq> [--max N] [--full] messages with key, headers (original topic/partition/offset, exception) and value
#   scripts/dlq.sh replay <dlq> [--from-beginning] [--dry-run]
#                                                re-publishes each message not replayed yet to its original topic (same key,
#                                                same value); consumers are idempotent, so a replay is safe. --from-beginning
#                                                replays everything the topic still holds.
#
# Options anywhere: --bootstrap host:port (default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).
#
# Every consumer's dead-letter topic is named <topic>.<service>.dlq (e.g. delivery-results.notice-service.dlq); a
# poison record lands there at once, with Spring Kafka's kafka_dlt-* headers saying where it came from and why.
# Replayed positions are remembered per dead-letter topic in the consumer group "dlq-replay" (committed offsets),
# so replaying twice does not publish twice. A record that is still unreadable goes back to the dead-letter topic.
#
# It compiles and runs a small Java program (JDK 17+) against the Kafka client jars inside local-kafka's exec jar, extracted
# once into .local-data/dlq-tool (build the jar with ./run.sh --build or mvn -o -pl local-kafka install -DskipTests).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXEC_JAR="${LOCAL_KAFKA_JAR:-$ROOT/local-kafka/target/local-kafka-exec.jar}"
TOOL_DIR="${DLQ_TOOL_DIR:-$ROOT/.local-data/dlq-tool}"

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

[[ $# -ge 1 ]] || usage
case "$1" in -h|--help|help) usage 0 ;; esac

if [[ ! -f "$EXEC_JAR" ]]; then
  echo "dlq.sh: $EXEC_JAR not found; build it first: (cd $ROOT && mvn -B -o -q -pl local-kafka install -DskipTests)" >&2
  exit 1
fi

# Extract the jar's libraries once (again when the jar is newer) with the JDK's jar tool.
if [[ ! -f "$TOOL_DIR/extracted" || "$EXEC_JAR" -nt "$TOOL_DIR/extracted" ]]; then
  rm -rf "$TOOL_DIR/jar"
  mkdir -p "$TOOL_DIR/jar"
  (cd "$TOOL_DIR/jar" && jar xf "$EXEC_JAR" BOOT-INF/lib)
  touch "$TOOL_DIR/extracted"
fi
LIB="$TOOL_DIR/jar/BOOT-INF/lib"
CP=""
for jar in "$LIB"/kafka-clients-*.jar "$LIB"/slf4j-api-*.jar "$LIB"/lz4-java-*.jar "$LIB"/snappy-java-*.jar "$LIB"/zstd-jni-*.jar; do
  [[ -f "$jar" ]] && CP="$CP${CP:+:}$jar"
done

SOURCE="$TOOL_DIR/DeadLetters.java"
cat > "$SOURCE.new" <<'JAVA'
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** list / show / replay of dead-letter topics (*.dlq). Reads a snapshot: up to the end offsets seen at start. */
public class DeadLetters {
    static final String REPLAY_GROUP = "dlq-replay";
    static String bootstrap;

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()).orElse("localhost:9092");
        int max = Integer.MAX_VALUE;
        boolean full = false, fromBeginning = false, dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--max" -> max = Integer.parseInt(args[++i]);
                case "--full" -> full = true;
                case "--from-beginning" -> fromBeginning = true;
                case "--dry-run" -> dryRun = true;
                default -> rest.add(args[i]);
            }
        }
        String command = rest.isEmpty() ? "" : rest.get(0);
        switch (command) {
            case "list" -> list();
            case "show" -> show(topicArg(rest), max, full);
            case "replay" -> replay(topicArg(rest), fromBeginning, dryRun);
            default -> fail("unknown command '" + command + "' (list, show <dlq>, replay <dlq>)");
        }
    }

    static String topicArg(List<String> rest) {
        if (rest.size() < 2) {
            fail("name a dead-letter topic (see: list)");
        }
        String topic = rest.get(1);
        if (!topic.endsWith(".dlq")) {
            fail(topic + " is not a dead-letter topic (*.dlq)");
        }
        return topic;
    }

    static void fail(String message) {
        System.err.println("dlq.sh: " + message);
        System.exit(2);
    }

    static void list() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP)) {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
            if (topics.isEmpty()) {
                System.out.println("no dead-letter topics yet (they are created with the first dead letter)");
                return;
            }
            System.out.printf("%-50s %10s %12s%n", "DEAD-LETTER TOPIC", "MESSAGES", "NOT REPLAYED");
            for (String topic : topics) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(new HashSet<>(partitions));
                long messages = 0, pending = 0;
                for (TopicPartition tp : partitions) {
                    messages += end.get(tp) - begin.get(tp);
                    OffsetAndMetadata done = replayed.get(tp);
                    pending += end.get(tp) - Math.max(begin.get(tp), done == null ? 0 : done.offset());
                }
                System.out.printf("%-50s %10d %12d%n", topic, messages, pending);
            }
        }
    }

    static void show(String topic, int max, boolean full) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            int shown = 0;
            for (ConsumerRecord<byte[], byte[]> r : snapshot(consumer, topic, false)) {
                if (shown++ >= max) {
                    break;
                }
                System.out.println("--- " + r.topic() + "-" + r.partition() + "@" + r.offset() + "  "
                        + Instant.ofEpochMilli(r.timestamp()) + "  key=" + text(r.key()));
                System.out.println("original: " + originalTopic(r) + describe(r, "original-partition") + describe(r, "original-offset"));
                System.out.println("reason: " + reason(r));
                for (Header h : r.headers()) {
                    System.out.println("  " + h.key() + ": " + headerValue(h, full));
                }
                String value = text(r.value());
                System.out.println("value: " + (full || value.length() <= 2000 ? value : value.substring(0, 2000) + "… (" + value.length() + " chars, --full shows all)"));
            }
            System.out.println(shown == 0 ? "(empty)" : "(" + Math.min(shown, max) + " shown)");
        }
    }

    static void replay(String topic, boolean fromBeginning, boolean dryRun) throws Exception {
        Map<String, Integer> perTopic = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            List<ConsumerRecord<byte[], byte[]>> records = snapshot(consumer, topic, !fromBeginning);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String original = originalTopic(r);
                if (!dryRun) {
                    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(original, null, r.key(), r.value());
                    // keep the application's own headers (content type …), not the dead-letter diagnostics
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("kafka_dlt-") && !h.key().startsWith("x-exception")
                                && !h.key().startsWith("x-original")) {
                            copy.headers().add(h);
                        }
                    }
                    producer.send(copy).get();
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                perTopic.merge(original, 1, Integer::sum);
            }
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
        if (perTopic.isEmpty()) {
            System.out.println("nothing to replay in " + topic + (fromBeginning ? "" : " (everything was replayed already; --from-beginning replays it all again)"));
        }
        perTopic.forEach((t, n) -> System.out.println((dryRun ? "would replay " : "replayed ") + n + " message(s) to " + t));
    }

    /** Every record of the topic up to the end offsets seen now; from the replay group's position when asked. */
    static List<ConsumerRecord<byte[], byte[]>> snapshot(KafkaConsumer<byte[], byte[]> consumer, String topic, boolean fromCommitted) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        if (partitions.isEmpty()) {
            fail("no such topic: " + topic);
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        consumer.seekToBeginning(partitions);
        if (fromCommitted) {
            consumer.committed(new HashSet<>(partitions)).forEach((tp, om) -> {
                if (om != null) {
                    consumer.seek(tp, Math.max(om.offset(), consumer.position(tp)));
                }
            });
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                fail("timed out reading " + topic);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            }
        }
        records.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config);
    }

    /** Where the message came from: the dead-letter header, else the topic part of <topic>.<service>.dlq. */
    static String originalTopic(ConsumerRecord<byte[], byte[]> r) {
        for (String name : List.of("kafka_dlt-original-topic", "x-original-topic")) {
            Header h = r.headers().lastHeader(name);
            if (h != null && h.value() != null && h.value().length > 0) {
                return text(h.value());
            }
        }
        String dlq = r.topic().substring(0, r.topic().length() - ".dlq".length());
        int dot = dlq.lastIndexOf('.');
        return dot < 0 ? dlq : dlq.substring(0, dot);
    }

    /** The exception message is often a generic "Listener failed": the innermost "Caused by" says why. */
    static String reason(ConsumerRecord<byte[], byte[]> r) {
        for (String name : List.of("kafka_dlt-exception-stacktrace", "x-exception-stacktrace")) {
            Header h = r.headers().lastHeader(name);
            if (h != null && h.value() != null) {
                List<String> causes = text(h.value()).lines().filter(l -> l.startsWith("Caused by:"))
                        .map(l -> l.substring("Caused by:".length()).trim())
                        .map(l -> l.length() > 240 ? l.substring(0, 240) + "…" : l).collect(Collectors.toList());
                if (!causes.isEmpty()) {
                    Collections.reverse(causes);
                    return String.join(" <- ", causes);
                }
            }
        }
        for (String name : List.of("kafka_dlt-exception-message", "x-exception-message")) {
            Header h = r.headers().lastHeader(name);
            if (h != null && h.value() != null) {
                return text(h.value());
            }
        }
        return "(no failure headers)";
    }

    static String describe(ConsumerRecord<byte[], byte[]> r, String suffix) {
        for (Header h : r.headers()) {
            if (h.key().endsWith(suffix)) {
                return "  " + suffix.replace("original-", "") + "=" + headerValue(h, false);
            }
        }
        return "";
    }

    /** Spring Kafka writes partitions as 4-byte ints and offsets/timestamps as 8-byte longs; the rest is text. */
    static String headerValue(Header h, boolean full) {
        byte[] v = h.value();
        if (v == null) {
            return "null";
        }
        String key = h.key();
        if (v.length == 4 && key.contains("partition")) {
            return String.valueOf(ByteBuffer.wrap(v).getInt());
        }
        if (v.length == 8 && (key.contains("offset") || key.contains("timestamp"))) {
            long n = ByteBuffer.wrap(v).getLong();
            return key.contains("timestamp") && !key.contains("type") ? Instant.ofEpochMilli(n).toString() : String.valueOf(n);
        }
        String s = text(v);
        if (!full && key.contains("stacktrace")) {
            List<String> lines = s.lines().limit(4).collect(Collectors.toList());
            return String.join("\n      ", lines) + (s.lines().count() > 4 ? "\n      … (--full shows all)" : "");
        }
        return s;
    }

    static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
JAVA
# compiled once, again only when this script changed the program
if ! cmp -s "$SOURCE.new" "$SOURCE" 2>/dev/null || [[ ! -f "$TOOL_DIR/classes/DeadLetters.class" ]]; then
  mv "$SOURCE.new" "$SOURCE"
  rm -rf "$TOOL_DIR/classes"
  javac -nowarn -d "$TOOL_DIR/classes" -cp "$CP" "$SOURCE"
else
  rm -f "$SOURCE.new"
fi

exec java -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$TOOL_DIR/classes:$CP" DeadLetters "$@"
