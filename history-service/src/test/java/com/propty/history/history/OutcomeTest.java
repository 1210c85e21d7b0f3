package com.propty.history.history;

import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.PENDING;
import static com.propty.events.DeliveryStatus.SENT;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    static TargetState at2(DeliveryStatus status) {
        return TargetState.of(2, status);
    }

    @Test
    void aTargetsLatestStateIsTheHighestOfItsAttemptWhateverTheOrder() {
        List<TargetState> seen = new ArrayList<>(List.of(at2(PENDING), at2(SENT), at2(DELIVERED), at2(SENT)));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(seen, random);
            assertThat(TargetState.latest(seen).status()).isEqualTo(DELIVERED);
        }
    }

    @Test
    void theRequestArrivingAfterItsResultsDoesNotBringTheTargetBackToPending() {
        assertThat(TargetState.latest(List.of(at2(FAILED), at2(PENDING))).status()).isEqualTo(FAILED);
        assertThat(TargetState.latest(List.of(at2(SENT), at2(PENDING), at2(PENDING))).status()).isEqualTo(SENT);
    }

    @Test
    void aBounceAfterDeliveryIsFailedInEitherOrder() {
        assertThat(TargetState.latest(List.of(at2(DELIVERED), at2(FAILED))).status()).isEqualTo(FAILED);
        assertThat(TargetState.latest(List.of(at2(FAILED), at2(DELIVERED))).status()).isEqualTo(FAILED);
    }

    @Test
    void aLaterAttemptOutranksAnyStateOfAnEarlierOne() {
        assertThat(at2(SENT).rank()).isGreaterThan(at2(PENDING).rank());
        assertThat(TargetState.of(3, PENDING).rank()).isGreaterThan(at2(FAILED).rank());
    }

    @Test
    void twoResultsOfOneRankKeepTheSameOneInEitherOrder() {
        TargetState bounced = new TargetState(at2(FAILED).rank(), FAILED, ErrorCode.BOUNCED, "550", Instant.EPOCH);
        TargetState inDoubt = new TargetState(at2(FAILED).rank(), FAILED, ErrorCode.SEND_IN_DOUBT, null, Instant.EPOCH);
        assertThat(TargetState.latest(List.of(bounced, inDoubt))).isEqualTo(TargetState.latest(List.of(inDoubt, bounced)));
    }

    @Test
    void theOutcomeCountsEachTargetOnceAtItsLatestState() {
        assertThat(Outcome.of(List.of(PENDING, SENT, SENT, DELIVERED, FAILED, SKIPPED, DELIVERED)))
                .isEqualTo(new Outcome(1, 2, 2, 1, 1));
        assertThat(Outcome.of(List.of())).isEqualTo(Outcome.NONE);
    }
}
