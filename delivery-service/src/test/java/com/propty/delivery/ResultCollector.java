package com.propty.delivery;

import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import com.propty.events.DeliveryResult;
import com.propty.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code delivery-results} (and {@code delivery-deferrals}, {@code delivery-holds}) with a plain consumer, as any
 * other service would, for the tests to filter by notice.
 */
final class ResultCollector implements AutoCloseable {

    record Received(String key, DeliveryResult result) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<DeliveryDeferred> deferrals = new CopyOnWriteArrayList<>();
    private final List<DeliveryHeld> holds = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ResultCollector(String bootstrapServers, JsonMapper json) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "delivery-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(Topics.DELIVERY_RESULTS, Topics.DELIVERY_DEFERRALS, Topics.DELIVERY_HOLDS));
        thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.topic().equals(Topics.DELIVERY_DEFERRALS)) {
                            deferrals.add(json.readValue(r.value(), DeliveryDeferred.class));
                        } else if (r.topic().equals(Topics.DELIVERY_HOLDS)) {
                            holds.add(json.readValue(r.value(), DeliveryHeld.class));
                        } else {
                            received.add(new Received(r.key(), json.readValue(r.value(), DeliveryResult.class)));
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "delivery-results-collector");
        thread.setDaemon(true);
        thread.start();
    }

    List<DeliveryResult> of(String noticeId) {
        return received.stream().map(Received::result).filter(r -> noticeId.equals(r.noticeId())).toList();
    }

    List<DeliveryDeferred> deferralsOf(String noticeId) {
        return deferrals.stream().filter(d -> noticeId.equals(d.noticeId())).toList();
    }

    List<DeliveryHeld> holdsOf(String noticeId) {
        return holds.stream().filter(h -> noticeId.equals(h.noticeId())).toList();
    }

    List<Received> recordsOf(String noticeId) {
        return received.stream().filter(r -> noticeId.equals(r.result().noticeId())).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
