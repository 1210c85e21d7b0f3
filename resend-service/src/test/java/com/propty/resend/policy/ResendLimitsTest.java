package com.propty.resend.policy;

import static com.propty.events.Channel.EMAIL;
import static com.propty.events.Channel.SMS;
import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.ResendScope.ALL_UNDELIVERED;
import static com.propty.events.ResendScope.FAILED_ONLY;
import static com.propty.events.ResendScope.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.ResendScope;
import com.propty.events.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The abuse limits on resending one resident: at most N resends per channel, and a cooldown after each. */
class ResendLimitsTest {

    static final String MAIL = "ann@bounce.example";
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final ResendLimits LIMITS = new ResendLimits(3, Duration.ofMinutes(15), NOW);

    /** r1's email failed at {@code attempt} with {@code address}; its SMS was delivered. */
    static Recipient failedAt(String id, int attempt, String address, String currentEmail) {
        return new Recipient(id, currentEmail, "+15145550123", Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, attempt, address),
                        SMS, new DeliveryState(DELIVERED, 1, "+15145550123")));
    }

    /** The claim of the resent attempt, released by a FAILED result at {@code resultAt}. */
    static Map<ChannelKey, Claim> resentClaim(String id, int attempt, String address, Instant resultAt) {
        return Map.of(new ChannelKey(id, EMAIL),
                new Claim(attempt, false, new DeliveryState(FAILED, attempt, address), resultAt));
    }

    static NoticeDeliveries notice(Recipient recipient, Map<ChannelKey, Claim> claims) {
        return new NoticeDeliveries("PARTIALLY_FAILED", List.of(recipient), claims, LIMITS);
    }

    @Test
    void theFirstDispatchStartsNoCooldown() {
        Decision decision = ResendPolicy.decide(notice(failedAt("r1", 1, MAIL, MAIL), Map.of()), FAILED_ONLY, Set.of());
        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 2, MAIL));
    }

    @Test
    void aChannelResentMomentsAgoIsCoolingDownUntilItsCooldownEnds() {
        Instant resultAt = NOW.minus(Duration.ofMinutes(5));
        Decision decision = ResendPolicy.decide(
                notice(failedAt("r1", 2, MAIL, MAIL), resentClaim("r1", 2, MAIL, resultAt)), FAILED_ONLY, Set.of());

        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        assertThat(decision.targets()).isEmpty();
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(0, 0, 0, 1));
        assertThat(decision.counts().nextEligibleAt()).isEqualTo(resultAt.plus(Duration.ofMinutes(15)));
    }

    @Test
    void onceTheCooldownHasPassedTheChannelIsATargetAgain() {
        Instant resultAt = NOW.minus(Duration.ofMinutes(15));
        Decision decision = ResendPolicy.decide(
                notice(failedAt("r1", 2, MAIL, MAIL), resentClaim("r1", 2, MAIL, resultAt)), FAILED_ONLY, Set.of());
        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 3, MAIL));
        assertThat(decision.counts().nextEligibleAt()).isNull();
    }

    @Test
    void aChannelWhoseAddressChangedSinceItsFailureIsNeverCoolingDown() {
        Instant resultAt = NOW.minus(Duration.ofMinutes(1));
        Decision decision = ResendPolicy.decide(
                notice(failedAt("r1", 2, MAIL, "ann@example.com"), resentClaim("r1", 2, MAIL, resultAt)), FAILED_ONLY,
                Set.of());
        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 3, "ann@example.com"));
    }

    @Test
    void theAddressComparisonIgnoresTheCaseOfAnEmail() {
        Instant resultAt = NOW.minus(Duration.ofMinutes(1));
        Decision decision = ResendPolicy.decide(
                notice(failedAt("r1", 2, MAIL, MAIL.toUpperCase()), resentClaim("r1", 2, MAIL, resultAt)), FAILED_ONLY,
                Set.of());
        assertThat(decision.counts().skipped().coolingDown()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ResendScope.class)
    void afterMaxResendsAChannelIsNeverATargetAgainInAnyScope(ResendScope scope) {
        // attempt 4 = the dispatch and three resends; the last result is long past, the address even changed.
        // An email-only notice, so that r1 is "undelivered" too.
        Recipient recipient = new Recipient("r1", "ann@example.com", null, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 4, MAIL)));
        Decision decision = ResendPolicy.decide(
                notice(recipient, resentClaim("r1", 4, MAIL, NOW.minus(Duration.ofDays(1)))), scope, Set.of("r1"));

        assertThat(decision.targets()).isEmpty();
        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(0, 0, 1, 0));
    }

    @Test
    void theThirdResendIsStillAllowed() {
        // attempt 3 = the dispatch and two resends
        Decision decision = ResendPolicy.decide(
                notice(failedAt("r1", 3, MAIL, MAIL), resentClaim("r1", 3, MAIL, NOW.minus(Duration.ofHours(1)))),
                FAILED_ONLY, Set.of());
        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 4, MAIL));
    }

    @Test
    void theLimitsLeaveTheOtherRecipientsTargetsAndReportTheEarliestEligibleMoment() {
        Instant r1At = NOW.minus(Duration.ofMinutes(10));
        Instant r2At = NOW.minus(Duration.ofMinutes(2));
        Map<ChannelKey, Claim> claims = new java.util.HashMap<>();
        claims.putAll(resentClaim("r1", 2, MAIL, r1At));
        claims.putAll(resentClaim("r2", 2, MAIL, r2At));
        NoticeDeliveries notice = new NoticeDeliveries("PARTIALLY_FAILED", List.of(failedAt("r1", 2, MAIL, MAIL),
                failedAt("r2", 2, MAIL, MAIL), failedAt("r3", 1, MAIL, MAIL)), claims, LIMITS);

        for (ResendScope scope : List.of(FAILED_ONLY, ALL_UNDELIVERED, SELECTED)) {
            Decision decision = ResendPolicy.decide(notice, scope, Set.of("r1", "r2", "r3"));
            if (scope == ALL_UNDELIVERED) {
                // everyone got the SMS: nobody is "undelivered"
                assertThat(decision.targets()).isEmpty();
                continue;
            }
            assertThat(decision.targets()).containsExactly(new Target("r3", EMAIL, 2, MAIL));
            assertThat(decision.counts().skipped().coolingDown()).isEqualTo(2);
            assertThat(decision.counts().nextEligibleAt()).isEqualTo(r1At.plus(Duration.ofMinutes(15)));
        }
    }

    @Test
    void aCooldownOfZeroAndAHighLimitChangeNothing() {
        NoticeDeliveries notice = new NoticeDeliveries("PARTIALLY_FAILED", List.of(failedAt("r1", 9, MAIL, MAIL)),
                resentClaim("r1", 9, MAIL, NOW), new ResendLimits(100, Duration.ZERO, NOW));
        assertThat(ResendPolicy.decide(notice, FAILED_ONLY, Set.of()).targets())
                .containsExactly(new Target("r1", EMAIL, 10, MAIL));
    }
}
