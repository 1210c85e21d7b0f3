package com.propty.notice.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.Topics;
import com.propty.notice.NoticeServiceApplication;
import com.propty.notice.ServiceTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Issue 12: two notice-service instances on one broker and one database, as the launcher runs N. The test context
 * is one, a second one starts here; both are consumers of group {@code notice-service}, so exactly one of them owns
 * the notice's partition and projects its results. A stream opened on each must see the change: at least one of the
 * two is served by the instance that did not project it.
 */
class TwoInstancesLiveUpdatesTest extends ServiceTestSupport {

    @Autowired
    private Environment environment;

    @Test
    void aChangeProjectedByEitherInstanceReachesTheStreamsOfBoth() throws Exception {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        var chunk = sendEmailNotice(property);
        String noticeId = chunk.noticeId();

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<String> here = openStream(noticeId, property);
            List<String> there = openStream(secondPort, second.getBean(LiveUpdateListener.class), noticeId, property);

            DeliveryResult delivered = DeliveryResult.of("p1", noticeId, ann, Channel.EMAIL, 1, chunk.dispatchId(),
                    DeliveryStatus.DELIVERED, null, null, null, "sendgrid", "msg-1", "ann@example.com");
            publish(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId), JSON.writeValueAsString(delivered));

            // The group rebalances when the second instance joins; the result waits for its owner, then both hear it.
            for (List<String> stream : List.of(here, there)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> stream.stream().anyMatch(line ->
                        line.startsWith("data:") && line.contains(ann) && line.contains("DELIVERED")));
                await().atMost(Duration.ofSeconds(20)).until(() -> stream.stream().anyMatch(line ->
                        line.startsWith("data:") && line.contains("\"status\":\"SENT\"")));
            }
        }
        assertThat(call("GET", "/api/notices/" + noticeId, null, property).body().get("status").stringValue())
                .isEqualTo("SENT");
    }

    /**
     * Another notice-service on a random port, the same broker and the same database as the test context. Arguments,
     * not default properties: they must win over the local profile's fixed port and the default addresses.
     */
    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(NoticeServiceApplication.class).profiles("local").run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.cloud.stream.kafka.binder.brokers="
                        + environment.getProperty("spring.cloud.stream.kafka.binder.brokers"),
                "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"),
                "--propty.notice.stream.notice-interval-ms=200");
    }
}
