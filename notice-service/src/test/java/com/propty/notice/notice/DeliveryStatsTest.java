package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.notice.recipient.ChannelState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeliveryStatsTest {

    @Test
    void countersAreExclusivePerChannelAndRecipientsCanBeBothReceivedAndFailed() {
        DeliveryStats stats = DeliveryStats.of(List.of(
                new StateCombination(new ChannelSnapshot(DeliveryStatus.DELIVERED, 1),
                        new ChannelSnapshot(DeliveryStatus.FAILED, 1), 2),
                new StateCombination(new ChannelSnapshot(DeliveryStatus.PENDING, 2),
                        new ChannelSnapshot(DeliveryStatus.SKIPPED, 1), 1),
                new StateCombination(new ChannelSnapshot(DeliveryStatus.SENT, 1), null, 4)));
        assertThat(stats.recipients()).isEqualTo(7);
        assertThat(stats.received()).isEqualTo(6);
        assertThat(stats.failedRecipients()).isEqualTo(2);
        assertThat(stats.email()).isEqualTo(new ChannelCounts(7, 1, 4, 2, 0, 0));
        assertThat(stats.sms()).isEqualTo(new ChannelCounts(3, 0, 0, 0, 2, 1));
    }

    /** The merge the store does with $max, replayed in memory: duplicates and any order give one outcome. */
    @Test
    void duplicatedAndShuffledResultsGiveTheSameStatesStatsAndStatus() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<DeliveryResult> results = List.of(
                result("a", Channel.EMAIL, 1, DeliveryStatus.SENT, null, at),
                result("a", Channel.EMAIL, 1, DeliveryStatus.DELIVERED, null, at.plusSeconds(5)),
                result("a", Channel.SMS, 1, DeliveryStatus.SENT, null, at),
                result("a", Channel.SMS, 1, DeliveryStatus.FAILED, ErrorCode.CARRIER_REJECTED, at.plusSeconds(9)),
                result("b", Channel.EMAIL, 1, DeliveryStatus.FAILED, ErrorCode.BOUNCED, at),
                result("b", Channel.EMAIL, 2, DeliveryStatus.SENT, null, at.plusSeconds(60)),
                result("b", Channel.SMS, 1, DeliveryStatus.SKIPPED, ErrorCode.NO_ADDRESS, at));
        Map<String, Map<Channel, ChannelState>> expected = merge(results);
        assertThat(expected.get("a").get(Channel.EMAIL).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(expected.get("a").get(Channel.SMS).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(expected.get("b").get(Channel.EMAIL).attempt()).isEqualTo(2);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<DeliveryResult> shuffled = new ArrayList<>(results);
            shuffled.addAll(results.subList(0, random.nextInt(results.size())));
            Collections.shuffle(shuffled, random);
            assertThat(merge(shuffled)).isEqualTo(expected);
        }
        List<StateCombination> rows = expected.values().stream().map(states -> new StateCombination(
                snapshot(states.get(Channel.EMAIL)), snapshot(states.get(Channel.SMS)), 1)).toList();
        DeliveryStats stats = DeliveryStats.of(rows);
        assertThat(stats.email()).isEqualTo(new ChannelCounts(2, 0, 1, 1, 0, 0));
        assertThat(stats.sms()).isEqualTo(new ChannelCounts(2, 0, 0, 0, 1, 1));
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, rows)).isEqualTo(NoticeStatus.PARTIALLY_FAILED);
    }

    private static Map<String, Map<Channel, ChannelState>> merge(List<DeliveryResult> results) {
        Map<String, Map<Channel, ChannelState>> states = new HashMap<>();
        for (DeliveryResult r : results) {
            states.computeIfAbsent(r.recipientId(), k -> new EnumMap<>(Channel.class))
                    .merge(r.channel(), ChannelState.of(r), ChannelState::latest);
        }
        return states;
    }

    private static ChannelSnapshot snapshot(ChannelState state) {
        return new ChannelSnapshot(state.status(), state.attempt());
    }

    private static DeliveryResult result(String recipient, Channel channel, int attempt, DeliveryStatus status,
            ErrorCode error, Instant at) {
        return new DeliveryResult("e-" + recipient + channel + attempt + status, DeliveryResult.TYPE, 1, at, "p1", "n",
                recipient, channel, attempt, "d" + attempt, status, error, null, null, "p", "m", "addr");
    }
}
