package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusRankTest {

    @Test
    void aNewerAttemptAlwaysWinsOverAnOlderOne() {
        for (DeliveryStatus older : DeliveryStatus.values()) {
            for (DeliveryStatus newer : DeliveryStatus.values()) {
                assertThat(StatusRank.of(2, newer)).isGreaterThan(StatusRank.of(1, older));
            }
        }
    }

    @Test
    void aLateSentNeverOverwritesAFinalStateOfTheSameAttempt() {
        assertThat(StatusRank.of(1, DeliveryStatus.SENT)).isLessThan(StatusRank.of(1, DeliveryStatus.DELIVERED));
        assertThat(StatusRank.of(1, DeliveryStatus.SENT)).isLessThan(StatusRank.of(1, DeliveryStatus.FAILED));
        assertThat(StatusRank.of(1, DeliveryStatus.DELIVERED)).isGreaterThan(StatusRank.of(1, DeliveryStatus.SENT));
        assertThat(StatusRank.of(1, DeliveryStatus.PENDING)).isLessThan(StatusRank.of(1, DeliveryStatus.SENT));
    }

    @Test
    void aRankTellsItsAttemptBack() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                assertThat(StatusRank.attemptOf(StatusRank.of(attempt, status))).isEqualTo(attempt);
            }
        }
    }

    @Test
    void mergingInAnyOrderGivesTheSameState() {
        List<long[]> events = new ArrayList<>();
        events.add(new long[] {1, DeliveryStatus.SENT.ordinal()});
        events.add(new long[] {1, DeliveryStatus.FAILED.ordinal()});
        events.add(new long[] {2, DeliveryStatus.PENDING.ordinal()});
        events.add(new long[] {2, DeliveryStatus.SENT.ordinal()});
        events.add(new long[] {2, DeliveryStatus.DELIVERED.ordinal()});
        Random random = new Random(7);
        for (int run = 0; run < 50; run++) {
            Collections.shuffle(events, random);
            long best = Long.MIN_VALUE;
            for (long[] e : events) {
                best = Math.max(best, StatusRank.of((int) e[0], DeliveryStatus.values()[(int) e[1]]));
            }
            assertThat(best).isEqualTo(StatusRank.of(2, DeliveryStatus.DELIVERED));
        }
    }
}
