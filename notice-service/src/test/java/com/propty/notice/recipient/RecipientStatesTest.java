package com.propty.notice.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.StatusRank;
import com.propty.notice.notice.CombinationCounts;
import com.propty.notice.notice.DeliveryStats;
import com.propty.notice.notice.StateCombination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory merge and counting the projection does, without a store: counters moved change by change. */
class RecipientStatesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aChangeOfStateMovesTheRecipientToAnotherCombination() {
        RecipientStates ann = recipient("ann", Channel.EMAIL, Channel.SMS);
        String before = ann.combination();

        assertThat(ann.merge(Channel.EMAIL, state(1, DeliveryStatus.DELIVERED))).isTrue();

        assertThat(ann.combination()).isNotEqualTo(before).isEqualTo("EDELIVERED1_SPENDING1");
    }

    @Test
    void aDuplicateOrAnOutrankedStateChangesNothing() {
        RecipientStates ann = recipient("ann", Channel.EMAIL);
        ann.merge(Channel.EMAIL, state(1, DeliveryStatus.DELIVERED));

        assertThat(ann.merge(Channel.EMAIL, state(1, DeliveryStatus.DELIVERED))).isFalse();
        assertThat(ann.merge(Channel.EMAIL, state(1, DeliveryStatus.SENT))).isFalse();
        assertThat(ann.combination()).isEqualTo("EDELIVERED1_S-");
    }

    @Test
    void aChannelTheNoticeDoesNotUseIsLeftAloneByTheFirstDispatch() {
        RecipientStates ann = recipient("ann", Channel.EMAIL);

        assertThat(ann.merge(Channel.SMS, state(1, DeliveryStatus.DELIVERED))).isFalse();
        assertThat(ann.markDeferred(Channel.SMS, 1)).isFalse();
        assertThat(ann.changed()).isFalse();
    }

    @Test
    void aFallbackResendAddsTheOtherChannelAndTheStatsCountIt() {
        RecipientStates ann = recipient("ann", Channel.EMAIL);
        ann.merge(Channel.EMAIL, state(1, DeliveryStatus.FAILED));
        CombinationCounts counts = CombinationCounts.empty();
        String before = ann.combination();
        counts.add(before, 1);

        assertThat(ann.merge(Channel.SMS, state(2, DeliveryStatus.PENDING))).isTrue();
        counts.move(before, ann.combination());
        before = ann.combination();
        assertThat(ann.merge(Channel.SMS, state(2, DeliveryStatus.DELIVERED))).isTrue();
        counts.move(before, ann.combination());

        assertThat(ann.combination()).isEqualTo("EFAILED1_SDELIVERED2");
        assertThat(ann.changedChannels()).containsOnlyKeys(Channel.EMAIL, Channel.SMS);
        DeliveryStats stats = DeliveryStats.of(counts.combinations());
        assertThat(stats.recipients()).isEqualTo(1);
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.email().total()).isEqualTo(1);
        assertThat(stats.email().failed()).isEqualTo(1);
        assertThat(stats.sms().total()).isEqualTo(1);
        assertThat(stats.sms().delivered()).isEqualTo(1);
    }

    @Test
    void aFallbacksResultOrDeferralArrivingBeforeItsClaimIsKept() {
        RecipientStates ann = recipient("ann", Channel.SMS);

        assertThat(ann.markDeferred(Channel.EMAIL, 2)).isTrue();
        assertThat(ann.merge(Channel.EMAIL, state(2, DeliveryStatus.SENT))).isTrue();
        assertThat(ann.merge(Channel.EMAIL, state(2, DeliveryStatus.PENDING))).isFalse();
        assertThat(ann.combination()).isEqualTo("ESENT2_SPENDING1");
    }

    @Test
    void aDeferralCountsOnlyForThePendingAttemptItDeferred() {
        RecipientStates ann = recipient("ann", Channel.EMAIL);

        assertThat(ann.markDeferred(Channel.EMAIL, 1)).isTrue();
        assertThat(ann.combination()).isEqualTo("EPENDING1d_S-");
        assertThat(ann.markDeferred(Channel.EMAIL, 1)).isFalse();

        ann.merge(Channel.EMAIL, state(2, DeliveryStatus.PENDING));
        assertThat(ann.combination()).isEqualTo("EPENDING2_S-");
    }

    @Test
    void everyResendCountsAsTheSameCombinationSoKeysStayFew() {
        RecipientStates ann = recipient("ann", Channel.EMAIL);
        ann.merge(Channel.EMAIL, state(2, DeliveryStatus.FAILED));
        String second = ann.combination();
        ann.merge(Channel.EMAIL, state(3, DeliveryStatus.FAILED));

        assertThat(ann.combination()).isEqualTo(second).isEqualTo("EFAILED2_S-");
    }

    /**
     * Random results, claims and deferrals for 40 recipients, each sent several times and shuffled: the counters
     * moved change by change always equal the combinations of the final states counted from scratch.
     */
    @Test
    void countersMovedChangeByChangeEqualARecountWhateverTheOrderAndDuplicates() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<RecipientStates> audience = new ArrayList<>();
            CombinationCounts counters = CombinationCounts.empty();
            for (int i = 0; i < 40; i++) {
                RecipientStates r = random.nextBoolean() ? recipient("r" + i, Channel.EMAIL, Channel.SMS)
                        : recipient("r" + i, Channel.EMAIL);
                audience.add(r);
                counters.add(r.combination(), 1);
            }
            List<Runnable> changes = new ArrayList<>();
            List<String[]> moves = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                RecipientStates r = audience.get(random.nextInt(audience.size()));
                Channel channel = random.nextBoolean() ? Channel.EMAIL : Channel.SMS;
                int attempt = 1 + random.nextInt(3);
                boolean deferral = random.nextInt(6) == 0;
                DeliveryStatus status = DeliveryStatus.values()[random.nextInt(DeliveryStatus.values().length)];
                Runnable change = () -> {
                    String before = r.combination();
                    boolean changed = deferral ? r.markDeferred(channel, attempt)
                            : r.merge(channel, state(attempt, status));
                    if (changed) {
                        moves.add(new String[] {before, r.combination()});
                    }
                };
                changes.add(change);
                if (random.nextInt(4) == 0) {
                    changes.add(change); // a duplicate
                }
            }
            Collections.shuffle(changes, random);
            changes.forEach(Runnable::run);
            moves.forEach(m -> counters.move(m[0], m[1]));

            CombinationCounts recount = CombinationCounts.empty();
            audience.forEach(r -> recount.add(r.combination(), 1));
            assertThat(counters).isEqualTo(recount);
            assertThat(DeliveryStats.of(counters.combinations()).recipients()).isEqualTo(40);
        }
    }

    @Test
    void aCombinationKeyReadsBackAsTheSameCountedSnapshots() {
        for (String key : List.of("EPENDING1d_SFAILED2", "EDELIVERED1_S-", "E-_SSKIPPED1", "ESENT2_SPENDING2")) {
            assertThat(StateCombination.of(key, 3).key()).isEqualTo(key);
            assertThat(StateCombination.of(key, 3).count()).isEqualTo(3);
        }
    }

    @Test
    void theTablesFilterCountsWhatItsQueryWouldSelect() {
        List<StateCombination> counts = List.of(StateCombination.of("EFAILED1_SDELIVERED1", 2),
                StateCombination.of("EDELIVERED1_S-", 5), StateCombination.of("EPENDING2_SFAILED1", 1));

        assertThat(new Recipients.Filter("n", Set.of(), null).count(counts)).isEqualTo(8);
        assertThat(new Recipients.Filter("n", Set.of(), Channel.SMS).count(counts)).isEqualTo(3);
        assertThat(new Recipients.Filter("n", Set.of(DeliveryStatus.FAILED), null).count(counts)).isEqualTo(3);
        assertThat(new Recipients.Filter("n", Set.of(DeliveryStatus.FAILED), Channel.EMAIL).count(counts))
                .isEqualTo(2);
        assertThat(new Recipients.Filter("n", Set.of(DeliveryStatus.DELIVERED, DeliveryStatus.PENDING), null)
                .count(counts)).isEqualTo(8);
    }

    private static RecipientStates recipient(String id, Channel... channels) {
        Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
        for (Channel channel : channels) {
            states.put(channel, ChannelState.pending(1, id + "@example.com", AT));
        }
        return new RecipientStates("n-1", id, 0, states, Map.of());
    }

    private static ChannelState state(int attempt, DeliveryStatus status) {
        return new ChannelState(StatusRank.of(attempt, status), status, attempt, "a@example.com",
                status == DeliveryStatus.FAILED ? ErrorCode.BOUNCED : null, null, null, AT);
    }
}
