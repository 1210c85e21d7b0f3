package com.propty.notice.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The positions of each channel status behind the table's filters and the resend's reads, without a store. */
class StatusPositionsTest {

    private static final Set<DeliveryStatus> ANY = EnumSet.noneOf(DeliveryStatus.class);

    @Test
    void aFilterSelectsThePositionsWithAnyChannelInOneOfItsStatuses() {
        StatusPositions positions = StatusPositions.empty();
        positions.place(0, Map.of(Channel.EMAIL, DeliveryStatus.DELIVERED, Channel.SMS, DeliveryStatus.FAILED));
        positions.place(1, Map.of(Channel.EMAIL, DeliveryStatus.SKIPPED, Channel.SMS, DeliveryStatus.SENT));
        positions.place(2, Map.of(Channel.EMAIL, DeliveryStatus.FAILED));
        positions.place(3, Map.of(Channel.EMAIL, DeliveryStatus.PENDING, Channel.SMS, DeliveryStatus.PENDING));

        assertThat(positions.selected(EnumSet.of(DeliveryStatus.FAILED), null)).isEqualTo(bits(0, 2));
        assertThat(positions.selected(EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.SKIPPED), null))
                .isEqualTo(bits(0, 1, 2));
        assertThat(positions.selected(EnumSet.of(DeliveryStatus.FAILED), Channel.SMS)).isEqualTo(bits(0));
        assertThat(positions.selected(ANY, Channel.SMS)).isEqualTo(bits(0, 1, 3));
    }

    @Test
    void placingARecipientAgainMovesItOutOfItsOldStatus() {
        StatusPositions positions = StatusPositions.empty();
        positions.place(7, Map.of(Channel.EMAIL, DeliveryStatus.FAILED));

        positions.place(7, Map.of(Channel.EMAIL, DeliveryStatus.PENDING));

        assertThat(positions.selected(EnumSet.of(DeliveryStatus.FAILED), null).isEmpty()).isTrue();
        assertThat(positions.selected(EnumSet.of(DeliveryStatus.PENDING), null)).isEqualTo(bits(7));
    }

    @Test
    void onlyTheSetsThatMovedAreToBeWrittenAndARepeatMovesNone() {
        StatusPositions stored = StatusPositions.empty();
        stored.place(4, Map.of(Channel.EMAIL, DeliveryStatus.PENDING, Channel.SMS, DeliveryStatus.PENDING));
        StatusPositions read = StatusPositions.of(stored.all());

        read.place(4, Map.of(Channel.EMAIL, DeliveryStatus.SENT, Channel.SMS, DeliveryStatus.PENDING));
        assertThat(read.changed()).containsOnlyKeys("EMAIL:PENDING", "EMAIL:SENT");

        StatusPositions again = StatusPositions.of(read.all());
        again.place(4, Map.of(Channel.EMAIL, DeliveryStatus.SENT, Channel.SMS, DeliveryStatus.PENDING));
        assertThat(again.changed()).isEmpty();
    }

    @Test
    void aPageIsTheSelectedPositionsAfterThoseOfTheEarlierPages() {
        BitSet selected = bits(3, 5, 8, 13, 21, 34);

        assertThat(StatusPositions.slice(selected, 0, 4)).containsExactly(3, 5, 8, 13);
        assertThat(StatusPositions.slice(selected, 4, 4)).containsExactly(21, 34);
        assertThat(StatusPositions.slice(selected, 8, 4)).isEmpty();
    }

    @Test
    void aWalkGoesOnAfterItsLastBatchsLastPositionAndVisitsEachOnce() {
        BitSet selected = bits(3, 5, 8, 13, 21, 34);

        assertThat(StatusPositions.startingAt(selected, 0, 4)).containsExactly(3, 5, 8, 13);
        assertThat(StatusPositions.startingAt(selected, 14, 4)).containsExactly(21, 34);
        assertThat(StatusPositions.startingAt(selected, 13, 1)).containsExactly(13);
        assertThat(StatusPositions.startingAt(selected, 35, 4)).isEmpty();
    }

    @Test
    void aFilterReadsOnlyTheSetsOfItsStatusesAndChannel() {
        assertThat(StatusPositions.keys(EnumSet.of(DeliveryStatus.FAILED), null))
                .containsExactly("EMAIL:FAILED", "SMS:FAILED");
        assertThat(StatusPositions.keys(EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.SKIPPED), Channel.SMS))
                .containsExactlyInAnyOrder("SMS:FAILED", "SMS:SKIPPED");
        assertThat(StatusPositions.keys(EnumSet.noneOf(DeliveryStatus.class), Channel.EMAIL))
                .hasSize(DeliveryStatus.values().length).allMatch(key -> key.startsWith("EMAIL:"));
        assertThat(StatusPositions.keys(EnumSet.noneOf(DeliveryStatus.class), null))
                .hasSize(DeliveryStatus.values().length * Channel.values().length);
    }

    @Test
    void readingAStoredSetDoesNotShareItWithTheStore() {
        BitSet stored = bits(1);
        StatusPositions read = StatusPositions.of(Map.of("EMAIL:FAILED", stored));

        read.place(2, Map.of(Channel.EMAIL, DeliveryStatus.FAILED));

        assertThat(stored).isEqualTo(bits(1));
        assertThat(read.selected(EnumSet.of(DeliveryStatus.FAILED), Channel.EMAIL)).isEqualTo(bits(1, 2));
    }

    private static BitSet bits(int... positions) {
        BitSet set = new BitSet();
        for (int p : positions) {
            set.set(p);
        }
        return set;
    }
}
