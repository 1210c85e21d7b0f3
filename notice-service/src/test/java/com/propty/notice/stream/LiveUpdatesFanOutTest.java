package com.propty.notice.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.NoticeChanged;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * A page's stream on this instance hears hints another instance published to {@code notice-changes} (here published
 * straight to the topic, as that instance would): each kind becomes its SSE event, with what this instance reads
 * from its store, and a record that cannot be read is skipped without holding up the next.
 */
class LiveUpdatesFanOutTest extends ServiceTestSupport {

    @Test
    void hintsFromAnotherInstanceReachTheStreamsOpenHere() throws Exception {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        String ben = createResident(property, "Ben Ray", "ben@example.com", null);
        String noticeId = sendEmailNotice(property).noticeId();
        List<String> lines = openStream(noticeId, property);

        // Unreadable and incomplete records first, on the notice's partition: skipped, the next one still arrives.
        publish(Topics.NOTICE_CHANGES, noticeId, "not json");
        publish(Topics.NOTICE_CHANGES, noticeId, "{\"noticeId\":\"" + noticeId + "\",\"kind\":\"RESEND\"}");
        publishHint(NoticeChanged.recipients(noticeId, List.of(ann), 50));
        await().atMost(Duration.ofSeconds(20)).until(() -> dataAfter(lines, "event:recipient").stream()
                .anyMatch(data -> data.contains(ann) && data.contains("Ann Lee")));
        assertThat(dataAfter(lines, "event:recipient")).noneMatch(data -> data.contains(ben));

        publishHint(NoticeChanged.resend(noticeId, "resend-from-elsewhere"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dataAfter(lines, "event:resend").stream()
                .anyMatch(data -> data.contains("resend-from-elsewhere")));

        publishHint(NoticeChanged.recipients(noticeId, List.of(ann, ben), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> dataAfter(lines, "event:refresh").stream()
                .anyMatch(data -> data.contains(noticeId)));
    }

    @Test
    void aNoticeHintMakesTheStreamReadAndSendTheNoticeAgain() throws Exception {
        String property = newProperty();
        // A draft: nothing but this test's hint can make its stream send a second notice event.
        String noticeId = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Boiler", "body", "Maintenance on Friday.", "channels", List.of("EMAIL")), property)
                .body().get("id").stringValue();
        List<String> lines = openStream(noticeId, property);
        assertThat(dataAfter(lines, "event:notice")).hasSize(1);

        publishHint(NoticeChanged.notice(noticeId));
        await().atMost(Duration.ofSeconds(20)).until(() -> dataAfter(lines, "event:notice").size() == 2);
        assertThat(dataAfter(lines, "event:notice").get(1)).contains(noticeId, "DRAFT");
    }

    @Test
    void theHintTopicKeepsAnHourOfHints() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NOTICE_CHANGES);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Topics.NOTICE_CHANGES_RETENTION_MS));
        }
    }

    private static void publishHint(NoticeChanged hint) {
        publish(Topics.NOTICE_CHANGES, Topics.noticeKey(hint.noticeId()), JSON.writeValueAsString(hint));
    }

    /** The data lines of every event with this name line. */
    private static List<String> dataAfter(List<String> lines, String eventLine) {
        List<String> snapshot = List.copyOf(lines);
        List<String> data = new ArrayList<>();
        for (int i = 0; i + 1 < snapshot.size(); i++) {
            if (snapshot.get(i).equals(eventLine) && snapshot.get(i + 1).startsWith("data:")) {
                data.add(snapshot.get(i + 1));
            }
        }
        return data;
    }
}
