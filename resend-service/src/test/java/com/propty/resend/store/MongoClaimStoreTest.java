package com.propty.resend.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import com.propty.resend.claim.ClaimProperties;
import com.propty.resend.claim.Claims;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.testsupport.MutableClock;
import com.propty.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The claims use case on its MongoDB store (the wire server, no Spring), with a clock the test moves: a channel's
 * attempt is claimed once, an unpublished claim gives its channel back after the timeout and says until when its
 * reading holds, a published one waits for its result however long, and results merge by rank.
 */
class MongoClaimStoreTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ChannelKey R1_EMAIL = new ChannelKey("r1", Channel.EMAIL);

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), "claims-" + System.nanoTime());
    final Claims claims = new Claims(new MongoClaimStore(mongo), new ClaimProperties(TIMEOUT), clock);

    private static List<Target> attempt(int attempt) {
        return List.of(new Target("r1", Channel.EMAIL, attempt, "a@example.com"));
    }

    private static DeliveryResult result(int attempt, DeliveryStatus status, ErrorCode errorCode) {
        return DeliveryResult.of("p-1", "n-1", "r1", Channel.EMAIL, attempt, "resend-" + attempt, status, errorCode,
                null, null, "sendgrid", null, "a@example.com");
    }

    @Test
    void anAttemptIsClaimedOnceAndEachWriteMovesTheNoticesVersion() {
        long before = claims.version("n-1");
        assertThat(claims.claim("n-1", "resend-a", attempt(2))).isEqualTo(attempt(2));
        assertThat(claims.claim("n-1", "resend-b", attempt(2))).as("a concurrent resend's claim collides").isEmpty();
        long afterClaims = claims.version("n-1");
        assertThat(afterClaims).isGreaterThan(before);
        claims.published("n-1", attempt(2));
        assertThat(claims.version("n-1")).isGreaterThan(afterClaims);
        assertThat(claims.version("n-other")).isZero();
    }

    @Test
    void anUnpublishedClaimHoldsItsChannelUntilTheTimeoutAndSaysSo() {
        claims.claim("n-1", "resend-a", attempt(2));
        Claims.Read read = claims.read("n-1", Map.of(R1_EMAIL, 1));
        assertThat(read.byChannel().get(R1_EMAIL)).isEqualTo(new Claim(2, true, null));
        assertThat(read.stableUntil()).isEqualTo(clock.instant().plus(TIMEOUT));

        clock.advance(TIMEOUT.plusSeconds(1));
        assertThat(claims.of("n-1", Map.of(R1_EMAIL, 1)).get(R1_EMAIL).inFlight()).as("given back").isFalse();
        assertThat(claims.claim("n-1", "resend-b", attempt(3))).as("the next attempt can be claimed")
                .isEqualTo(attempt(3));
    }

    @Test
    void aPublishedClaimWaitsForItsResultHoweverLongAndResultsMergeByRank() {
        claims.claim("n-1", "resend-a", attempt(2));
        claims.published("n-1", attempt(2));
        clock.advance(Duration.ofHours(5));
        Claims.Read read = claims.read("n-1", Map.of(R1_EMAIL, 1));
        assertThat(read.byChannel().get(R1_EMAIL).inFlight()).isTrue();
        assertThat(read.stableUntil()).as("nothing in it can time out").isNull();

        claims.record(List.of(result(2, DeliveryStatus.FAILED, ErrorCode.BOUNCED)));
        claims.record(List.of(result(2, DeliveryStatus.SENT, null))); // late, and ranked below FAILED
        Claim released = claims.of("n-1", Map.of(R1_EMAIL, 1)).get(R1_EMAIL);
        assertThat(released.inFlight()).isFalse();
        assertThat(released.last().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(released.last().attempt()).isEqualTo(2);
    }

    @Test
    void aResultOfTheFirstDispatchOrOfAnUnclaimedAttemptChangesNothing() {
        long before = claims.version("n-1");
        claims.record(List.of(result(1, DeliveryStatus.FAILED, ErrorCode.BOUNCED)));
        assertThat(claims.version("n-1")).as("the first dispatch has no claims").isEqualTo(before);
        claims.record(List.of(result(4, DeliveryStatus.DELIVERED, null)));
        assertThat(claims.of("n-1", Map.of(R1_EMAIL, 1))).as("no claim is created by a result").isEmpty();
    }
}
