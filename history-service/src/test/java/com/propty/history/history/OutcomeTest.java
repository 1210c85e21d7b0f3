package com.propty.history.history;

import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.PENDING;
import static com.propty.events.DeliveryStatus.SENT;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.DeliveryStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    static TargetState at2(DeliveryStatus status) {
        return TargetState.of(2, status);
    }

    @Test
    void aLaterAttemptOutranksAnyStateOfAnEarlierOne() {
        assertThat(at2(SENT).rank()).isGreaterThan(at2(PENDING).rank());
        assertThat(TargetState.of(3, PENDING).rank()).isGreaterThan(at2(FAILED).rank());
    }

    @Test
    void theOutcomeCountsEachTargetOnceAtItsLatestState() {
        assertThat(Outcome.of(List.of(PENDING, SENT, SENT, DELIVERED, FAILED, SKIPPED, DELIVERED)))
                .isEqualTo(new Outcome(1, 2, 2, 1, 1));
        assertThat(Outcome.of(List.of())).isEqualTo(Outcome.NONE);
    }
}
