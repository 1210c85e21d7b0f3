package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecomputePacingTest {

    private static final long MS = 1_000_000;

    @Test
    void aNoticeNeverRecomputedIsDue() {
        assertThat(new RecomputePacing(4).due("n1", 0)).isTrue();
    }

    @Test
    void theNextRecomputationWaitsFourTimesAsLongAsTheLastTook() {
        RecomputePacing pacing = new RecomputePacing(4);
        pacing.ran("n1", 1_000 * MS, 1_300 * MS); // took 300 ms

        assertThat(pacing.due("n1", 2_499 * MS)).isFalse();
        assertThat(pacing.due("n1", 2_500 * MS)).isTrue();
        assertThat(pacing.due("n2", 1_300 * MS)).as("other notices are paced on their own").isTrue();
    }

    @Test
    void aQuickRecomputationLeavesTheNoticeDueAlmostAtOnce() {
        RecomputePacing pacing = new RecomputePacing(4);
        pacing.ran("n1", 0, 2 * MS);
        assertThat(pacing.due("n1", 9 * MS)).isFalse();
        assertThat(pacing.due("n1", 10 * MS)).isTrue();
    }

    @Test
    void forgettingKeepsOnlyTheNoticesStillWaiting() {
        RecomputePacing pacing = new RecomputePacing(4);
        pacing.ran("quick", 0, MS);
        pacing.ran("slow", 0, 1_000 * MS);
        pacing.forgetPast(100 * MS);

        assertThat(pacing.due("quick", 0)).as("forgotten: due again").isTrue();
        assertThat(pacing.due("slow", 100 * MS)).isFalse();
    }
}
