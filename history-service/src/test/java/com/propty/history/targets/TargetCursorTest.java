package com.propty.history.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.kit.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TargetCursorTest {

    @Test
    void aCursorStandsForThePlaceItWasMadeOf() {
        TargetCursor place = new TargetCursor(12, 499);
        assertThat(TargetCursor.decode(place.encode())).isEqualTo(place);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(TargetCursor.decode(null)).isEqualTo(TargetCursor.START);
    }

    @Test
    void anythingElseIsAValidationError() {
        String notAPlace = Base64.getUrlEncoder().encodeToString("x.1".getBytes(StandardCharsets.US_ASCII));
        for (String cursor : new String[] {"", "%%%", "not base64!", notAPlace, "MQ", "x".repeat(500),
                Base64.getUrlEncoder().encodeToString("9999999.1".getBytes(StandardCharsets.US_ASCII))}) {
            assertThatThrownBy(() -> TargetCursor.decode(cursor)).as(cursor).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void aPageHoldsOneToTwoHundredTargets() {
        assertThat(TargetCursor.size(null)).isEqualTo(50);
        assertThat(TargetCursor.size(1)).isEqualTo(1);
        assertThat(TargetCursor.size(200)).isEqualTo(200);
        assertThatThrownBy(() -> TargetCursor.size(0)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> TargetCursor.size(201)).isInstanceOf(ApiProblem.class);
    }
}
