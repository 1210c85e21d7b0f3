package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendGroupsTest {

    static final Content CONTENT = new Content("Water", "Water off on Monday", "Water off");

    @Test
    void theEmailsOfOneAttemptInSeveralChunksMakeOneGroupInChunkOrder() {
        List<SendRequest> chunks = IntStream.range(0, 4).mapToObj(c -> chunk("dispatch-1", c, 250)).toList();

        List<SendGroups.Group> groups = SendGroups.of(chunks, new ArrayList<>());

        assertThat(groups).extracting(SendGroups.Group::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(groups.get(0).sends()).hasSize(1_000);
        assertThat(groups.get(0).sends().get(250).recipientId()).isEqualTo("r1-0");
        assertThat(groups.get(1).sends()).hasSize(1_000).allMatch(s -> s.channel() == Channel.SMS);
    }

    @Test
    void differentAttemptsAreNeverPooled() {
        List<SendGroups.Group> groups = SendGroups.of(List.of(chunk("dispatch-1", 0, 10), chunk("resend-2", 0, 10)),
                new ArrayList<>());

        assertThat(groups).extracting(g -> g.attemptId() + "/" + g.channel())
                .containsExactly("dispatch-1/EMAIL", "resend-2/EMAIL", "dispatch-1/SMS", "resend-2/SMS");
    }

    @Test
    void aTargetWithoutAddressIsSkippedAndInNoGroup() {
        SendRequest chunk = new SendRequest("dispatch-1", "p1", "notice-1", CONTENT, List.of(
                new Target("r1", Channel.EMAIL, 1, " "), new Target("r1", Channel.SMS, 1, "+15145550001")));
        List<DeliveryResult> skipped = new ArrayList<>();

        List<SendGroups.Group> groups = SendGroups.of(List.of(chunk), skipped);

        assertThat(groups).singleElement().satisfies(g -> assertThat(g.channel()).isEqualTo(Channel.SMS));
        assertThat(skipped).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.SKIPPED);
            assertThat(r.errorCode()).isEqualTo(ErrorCode.NO_ADDRESS);
            assertThat(r.channel()).isEqualTo(Channel.EMAIL);
        });
    }

    @Test
    void aChunkDeliveredTwiceInOnePollIsSentOnce() {
        List<SendGroups.Group> groups = SendGroups.of(List.of(chunk("dispatch-1", 0, 5), chunk("dispatch-1", 0, 5)),
                new ArrayList<>());

        assertThat(groups).allSatisfy(g -> assertThat(g.sends()).hasSize(5));
    }

    private static SendRequest chunk(String attemptId, int index, int recipients) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            targets.add(new Target("r" + index + "-" + i, Channel.EMAIL, 1, "r" + index + "-" + i + "@example.com"));
            targets.add(new Target("r" + index + "-" + i, Channel.SMS, 1, "+1514555" + String.format("%04d", i)));
        }
        return new SendRequest(attemptId, "p1", "notice-1", CONTENT, targets);
    }
}
