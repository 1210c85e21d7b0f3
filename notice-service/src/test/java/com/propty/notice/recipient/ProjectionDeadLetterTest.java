package com.propty.notice.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ProjectionDeadLetterTest extends ServiceTestSupport {

    @Test
    void anUnreadableResultGoesToTheDeadLetterTopicAndTheNextOnesStillApply() {
        String property = newProperty();
        String resident = createResident(property, "Ana", "ana@example.com", null);
        String noticeId = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "t", "body", "b", "channels", List.of("EMAIL")), property).body().get("id").stringValue();
        call("POST", "/api/notices/" + noticeId + "/send", null, property);
        NoticeDispatchRequested chunk = JSON.readValue(read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(noticeId + ":"), 1, Duration.ofSeconds(30)).get(0).value(),
                NoticeDispatchRequested.class);

        String key = Topics.noticeKey(noticeId);
        String poison = "{\"noticeId\":\"" + noticeId + "\", not json";
        publish(Topics.DELIVERY_RESULTS, key, poison);
        publish(Topics.DELIVERY_RESULTS, key, JSON.writeValueAsString(DeliveryResult.of("p1", noticeId, resident,
                Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.DELIVERED, null, null, null, "sendgrid", "m1",
                "ana@example.com")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                call("GET", "/api/notices/" + noticeId, null, property).body().get("status").stringValue())
                .isEqualTo("SENT"));
        List<ConsumerRecord<String, String>> dead = read("delivery-results.notice-service.dlq",
                r -> poison.equals(r.value()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(key);
    }
}
