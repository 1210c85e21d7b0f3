package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.notice.resident.Resident;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class LargeSendTest extends ServiceTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aFiveThousandRecipientSendIsChunkedUnderTheBrokerLimit() {
        String property = newProperty();
        Instant now = Instant.now();
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            residents.add(new Resident(String.format("r-%s-%05d", property, i), property, "Resident " + i,
                    "resident" + i + "@example.com", "+1514555" + String.format("%04d", i), "U" + i, false, Set.of(),
                    now, now));
        }
        mongo.insert(residents, "residents");
        String noticeId = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Annual meeting", "body", "B".repeat(2000), "channels", List.of("EMAIL", "SMS")),
                property).body().get("id").stringValue();

        long started = System.nanoTime();
        assertThat(call("POST", "/api/notices/" + noticeId + "/send", null, property).status()).isEqualTo(202);
        List<ConsumerRecord<String, String>> chunks = read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(noticeId + ":"), 20, Duration.ofSeconds(90));
        System.out.printf("5,000-recipient send: %d chunks on the broker %d ms after the request%n", chunks.size(),
                (System.nanoTime() - started) / 1_000_000);

        assertThat(chunks).hasSize(20);
        Set<Integer> indexes = new TreeSet<>();
        Set<String> targets = new TreeSet<>();
        for (ConsumerRecord<String, String> record : chunks) {
            assertThat(record.value().getBytes(StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
            NoticeDispatchRequested chunk = JSON.readValue(record.value(), NoticeDispatchRequested.class);
            assertThat(chunk.chunkCount()).isEqualTo(20);
            assertThat(chunk.targets()).hasSizeLessThanOrEqualTo(Topics.CHUNK_SIZE);
            assertThat(record.key()).isEqualTo(Topics.chunkKey(noticeId, chunk.chunkIndex()));
            indexes.add(chunk.chunkIndex());
            chunk.targets().forEach(t -> targets.add(t.recipientId() + "/" + t.channel()));
        }
        assertThat(indexes).hasSize(20);
        assertThat(targets).hasSize(10_000);
    }
}
