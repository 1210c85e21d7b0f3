package com.propty.history.targets;

import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.kit.ApiProblem;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeFilterTest {

    @Test
    void noFilterShowsEveryOutcome() {
        assertThat(OutcomeFilter.parse(null).isAny()).isTrue();
        assertThat(OutcomeFilter.parse(" ").isAny()).isTrue();
    }

    @Test
    void commaSeparatedOutcomesAreOred() {
        assertThat(OutcomeFilter.parse("FAILED,SKIPPED").statuses()).isEqualTo(Set.of(FAILED, SKIPPED));
    }

    @Test
    void anUnknownOrEmptyValueIsAValidationErrorNotAnEmptyPage() {
        for (String status : new String[] {"PIGEON", "failed", "FAILED,", "{\"$ne\":\"\"}"}) {
            assertThatThrownBy(() -> OutcomeFilter.parse(status)).as(status).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.errors().get(0).field()).isEqualTo("status"));
        }
    }
}
