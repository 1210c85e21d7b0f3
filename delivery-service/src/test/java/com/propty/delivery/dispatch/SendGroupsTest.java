package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.QuietHours;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendGroupsTest {

    static final Content CONTENT = new Content("Water", "Water off on Monday", "Water off");
    static final QuietHours NIGHT = new QuietHours("Europe/Paris", "21:00", "08:00");

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
                new Target("r1", Channel.EMAIL, 1, " "), new Target("r1", Channel.SMS, 1, "+15145550001")), null);
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

    @Test
    void anSmsGroupKeepsItsChunksQuietHoursAndAnEmailGroupHasNone() {
        List<SendGroups.Group> groups = SendGroups.of(List.of(chunk("dispatch-1", 0, 3, NIGHT), chunk("dispatch-1", 1, 3,
                NIGHT)), new ArrayList<>());

        assertThat(groups).extracting(SendGroups.Group::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(groups.get(0).quietHours()).as("an email is never held").isNull();
        assertThat(groups.get(1).quietHours()).isEqualTo(NIGHT);
        assertThat(groups.get(1).sends()).hasSize(6);
    }

    @Test
    void smsOfChunksWithDifferentQuietHoursAreSeparateGroupsWhileTheirEmailsPool() {
        QuietHours other = new QuietHours("America/Toronto", "22:00", "07:00");
        List<SendGroups.Group> groups = SendGroups.of(List.of(chunk("dispatch-1", 0, 3, NIGHT),
                chunk("dispatch-1", 1, 3, other), chunk("dispatch-1", 2, 3, null)), new ArrayList<>());

        assertThat(groups).extracting(g -> g.channel() + "/" + g.sends().size())
                .containsExactly("EMAIL/9", "SMS/3", "SMS/3", "SMS/3");
        assertThat(groups).extracting(SendGroups.Group::quietHours).containsExactly(null, NIGHT, other, null);
    }

    @Test
    void dispatchAndResendChunksCarryTheirQuietHours() {
        List<Target> targets = List.of(new Target("r1", Channel.SMS, 2, "+15145550001"));
        NoticeDispatchRequested dispatch = NoticeDispatchRequested.of("dispatch-1", "notice-1", "p1", CONTENT, targets,
                0, 1, ChannelTotals.count(targets), NIGHT);
        ResendRequested resend = ResendRequested.of("resend-1", "notice-1", "p1", ResendScope.FAILED_ONLY,
                new Requester("u1", "Manager"), Instant.parse("2026-01-01T00:00:00Z"), CONTENT, targets, 0, 1,
                ChannelTotals.count(targets), 1, NIGHT);
        ResendRequested urgent = ResendRequested.of("resend-2", "notice-1", "p1", ResendScope.FAILED_ONLY,
                new Requester("u1", "Manager"), Instant.parse("2026-01-01T00:00:00Z"), CONTENT, targets, 0, 1,
                ChannelTotals.count(targets), 1);

        assertThat(SendRequest.of(dispatch).quietHours()).isEqualTo(NIGHT);
        assertThat(SendRequest.of(resend).quietHours()).isEqualTo(NIGHT);
        assertThat(SendRequest.of(resend).attemptId()).isEqualTo("resend-1");
        assertThat(SendRequest.of(urgent).quietHours()).isNull();
    }

    private static SendRequest chunk(String attemptId, int index, int recipients) {
        return chunk(attemptId, index, recipients, null);
    }

    private static SendRequest chunk(String attemptId, int index, int recipients, QuietHours quietHours) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            targets.add(new Target("r" + index + "-" + i, Channel.EMAIL, 1, "r" + index + "-" + i + "@example.com"));
            targets.add(new Target("r" + index + "-" + i, Channel.SMS, 1, "+1514555" + String.format("%04d", i)));
        }
        return new SendRequest(attemptId, "p1", "notice-1", CONTENT, targets, quietHours);
    }
}
