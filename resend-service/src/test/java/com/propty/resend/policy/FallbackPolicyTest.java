package com.propty.resend.policy;

import static com.propty.events.Channel.EMAIL;
import static com.propty.events.Channel.SMS;
import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static com.propty.events.ResendScope.ALL_UNDELIVERED;
import static com.propty.events.ResendScope.FAILED_ONLY;
import static com.propty.events.ResendScope.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "Reach them another way": the other channel instead of one that cannot succeed as it stands. */
class FallbackPolicyTest {

    static final String MAIL = "ann@example.com";
    static final String PHONE = "+15145550123";

    static DeliveryState failed(Channel channel, ErrorCode code) {
        return new DeliveryState(FAILED, 1, channel == EMAIL ? MAIL : PHONE, code);
    }

    static Recipient resident(String email, String phone, Set<Channel> optedOut, Map<Channel, DeliveryState> states) {
        return new Recipient("r1", email, phone, optedOut, false, states);
    }

    static Recipient emailOnly(ErrorCode code) {
        return resident(MAIL, PHONE, Set.of(), Map.of(EMAIL, failed(EMAIL, code)));
    }

    static Decision decide(Recipient recipient, ResendScope scope, boolean fallback) {
        return decide(new NoticeDeliveries("PARTIALLY_FAILED", List.of(recipient), Map.of()), scope, fallback);
    }

    static Decision decide(NoticeDeliveries notice, ResendScope scope, boolean fallback) {
        return ResendPolicy.decide(notice, scope, scope == SELECTED ? Set.of("r1") : Set.of(), fallback);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"INVALID_ADDRESS", "BOUNCED", "BLOCKED"})
    void anEmailOnlyNoticeThatBouncedGoesBySmsInsteadOfRetryingTheSameAddress(ErrorCode code) {
        Decision decision = decide(emailOnly(code), FAILED_ONLY, true);

        assertThat(decision.rejection()).isNull();
        assertThat(decision.targets()).containsExactly(new Target("r1", SMS, 2, PHONE, true));
        ScopeCounts counts = decision.counts();
        assertThat(counts.recipients()).isEqualTo(1);
        assertThat(counts.emails()).isZero();
        assertThat(counts.sms()).isEqualTo(1);
        assertThat(counts.fallbackSms()).isEqualTo(1);
        assertThat(counts.fallbackEmails()).isZero();
        assertThat(counts.addressUnchanged()).isZero();
    }

    @Test
    void withoutTheOptionTheSameRecipientIsRetriedOnItsOwnChannel() {
        Decision decision = decide(emailOnly(ErrorCode.BOUNCED), FAILED_ONLY, false);

        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 2, MAIL, false));
        assertThat(decision.counts().fallbackSms()).isZero();
        assertThat(decision.counts().addressUnchanged()).isEqualTo(1);
    }

    @Test
    void aFixedAddressIsRetriedAsItIsNotReplaced() {
        Recipient fixed = resident("ann.new@example.com", PHONE, Set.of(), Map.of(EMAIL, failed(EMAIL, ErrorCode.BOUNCED)));

        assertThat(decide(fixed, FAILED_ONLY, true).targets())
                .containsExactly(new Target("r1", EMAIL, 2, "ann.new@example.com", false));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"DROPPED", "PROVIDER_UNAVAILABLE", "SEND_IN_DOUBT", "CARRIER_REJECTED"})
    void aFailureThatMaySucceedNextTimeIsRetriedNotReplaced(ErrorCode code) {
        assertThat(decide(emailOnly(code), FAILED_ONLY, true).targets())
                .containsExactly(new Target("r1", EMAIL, 2, MAIL, false));
    }

    @Test
    void anOptedOutEmailGoesBySms() {
        Recipient optedOut = resident(MAIL, PHONE, Set.of(EMAIL), Map.of(EMAIL, failed(EMAIL, ErrorCode.OPTED_OUT)));

        Decision decision = decide(optedOut, FAILED_ONLY, true);

        assertThat(decision.targets()).containsExactly(new Target("r1", SMS, 2, PHONE, true));
        assertThat(decision.counts().skipped().optedOut()).isZero();
    }

    @Test
    void anUnreachableNumberOfAnSmsOnlyNoticeGoesByEmail() {
        Recipient recipient = resident(MAIL, PHONE, Set.of(), Map.of(SMS, failed(SMS, ErrorCode.UNREACHABLE)));

        Decision decision = decide(recipient, ALL_UNDELIVERED, true);

        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 2, MAIL, true));
        assertThat(decision.counts().fallbackEmails()).isEqualTo(1);
        assertThat(decision.counts().emails()).isEqualTo(1);
    }

    @Test
    void noFallbackWhenTheOtherChannelIsOptedOutOrHasNoAddress() {
        Recipient smsOptedOut = resident(MAIL, PHONE, Set.of(SMS), Map.of(EMAIL, failed(EMAIL, ErrorCode.BOUNCED)));
        Recipient noPhone = resident(MAIL, null, Set.of(), Map.of(EMAIL, failed(EMAIL, ErrorCode.BOUNCED)));

        assertThat(decide(smsOptedOut, FAILED_ONLY, true).targets())
                .containsExactly(new Target("r1", EMAIL, 2, MAIL, false));
        assertThat(decide(noPhone, FAILED_ONLY, true).targets())
                .containsExactly(new Target("r1", EMAIL, 2, MAIL, false));
    }

    @Test
    void neverBothChannelsToSomeoneWhoHasTheNoticeOnOne() {
        Map<Channel, DeliveryState> states = new EnumMap<>(Channel.class);
        states.put(EMAIL, failed(EMAIL, ErrorCode.BOUNCED));
        states.put(SMS, new DeliveryState(DELIVERED, 1, PHONE));

        assertThat(decide(resident(MAIL, PHONE, Set.of(), states), FAILED_ONLY, true).targets()).isEmpty();
        // without the option, FAILED_ONLY retries the failed channel as the contract's scope table says
        assertThat(decide(resident(MAIL, PHONE, Set.of(), states), FAILED_ONLY, false).targets())
                .containsExactly(new Target("r1", EMAIL, 2, MAIL, false));
    }

    @Test
    void aChannelSkippedForLackOfAnAddressThatHasOneNowIsTheFallback() {
        Map<Channel, DeliveryState> states = new EnumMap<>(Channel.class);
        states.put(EMAIL, failed(EMAIL, ErrorCode.INVALID_ADDRESS));
        states.put(SMS, new DeliveryState(SKIPPED, 1, null, ErrorCode.NO_ADDRESS));

        Decision decision = decide(resident(MAIL, PHONE, Set.of(), states), FAILED_ONLY, true);

        assertThat(decision.targets()).containsExactly(new Target("r1", SMS, 2, PHONE, true));
    }

    @Test
    void bothChannelsHopelessFallsBackToNeither() {
        Map<Channel, DeliveryState> states = new EnumMap<>(Channel.class);
        states.put(EMAIL, failed(EMAIL, ErrorCode.BOUNCED));
        states.put(SMS, failed(SMS, ErrorCode.UNREACHABLE));

        Decision decision = decide(resident(MAIL, PHONE, Set.of(), states), FAILED_ONLY, true);

        assertThat(decision.targets()).extracting(Target::fallback).containsOnly(false);
        assertThat(decision.targets()).extracting(Target::channel).containsExactlyInAnyOrder(EMAIL, SMS);
    }

    @Test
    void aFallbackAlreadyUnderWayIsNotSentTwice() {
        NoticeDeliveries notice = new NoticeDeliveries("PARTIALLY_FAILED", List.of(emailOnly(ErrorCode.BOUNCED)),
                Map.of(new ChannelKey("r1", SMS), new Claim(2, true, null)));

        Decision decision = decide(notice, FAILED_ONLY, true);

        assertThat(decision.targets()).isEmpty();
        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
    }

    @Test
    void aFallbackCountsTowardTheOtherChannelsResendLimit() {
        ResendLimits noResends = new ResendLimits(0, Duration.ZERO, Instant.parse("2026-12-01T10:00:00Z"));
        NoticeDeliveries notice = new NoticeDeliveries("PARTIALLY_FAILED", List.of(emailOnly(ErrorCode.BOUNCED)),
                Map.of(), noResends);

        Decision decision = decide(notice, FAILED_ONLY, true);

        assertThat(decision.targets()).extracting(Target::fallback).doesNotContain(true);
    }

    @Test
    void anArchivedResidentGetsNoFallback() {
        Recipient archived = new Recipient("r1", MAIL, PHONE, Set.of(), true,
                Map.of(EMAIL, failed(EMAIL, ErrorCode.BOUNCED)));

        assertThat(decide(archived, FAILED_ONLY, true).targets()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResendScope.class)
    void everyScopeOffersTheFallbackForItsOwnRecipients(ResendScope scope) {
        Decision decision = decide(emailOnly(ErrorCode.BOUNCED), scope, true);

        assertThat(decision.targets()).containsExactly(new Target("r1", SMS, 2, PHONE, true));
        assertThat(decision.counts().emails() + decision.counts().sms()).isEqualTo(decision.targets().size());
    }

    @Test
    void theDeliveredStatesOfOtherRecipientsAreLeftAlone() {
        Recipient delivered = new Recipient("r2", MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(DeliveryStatus.DELIVERED, 1, MAIL)));
        NoticeDeliveries notice = new NoticeDeliveries("PARTIALLY_FAILED",
                List.of(emailOnly(ErrorCode.BOUNCED), delivered), Map.of());

        Decision decision = ResendPolicy.decide(notice, ALL_UNDELIVERED, Set.of(), true);

        assertThat(decision.targets()).containsExactly(new Target("r1", SMS, 2, PHONE, true));
    }
}
