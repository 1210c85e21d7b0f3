package com.propty.resend.policy;

import static com.propty.events.Channel.EMAIL;
import static com.propty.events.Channel.SMS;
import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.PENDING;
import static com.propty.events.DeliveryStatus.SENT;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static com.propty.events.ResendScope.ALL_UNDELIVERED;
import static com.propty.events.ResendScope.FAILED_ONLY;
import static com.propty.events.ResendScope.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResendPolicyTest {

    static final String MAIL = "ann@example.com";
    static final String PHONE = "+15145550123";

    static Recipient recipient(String id, DeliveryStatus email, DeliveryStatus sms) {
        return new Recipient(id, MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(email, 1, email == SKIPPED ? null : MAIL),
                        SMS, new DeliveryState(sms, 1, sms == SKIPPED ? null : PHONE)));
    }

    static NoticeDeliveries notice(String status, Recipient... recipients) {
        return new NoticeDeliveries(status, List.of(recipients), Map.of());
    }

    static NoticeDeliveries sent(Recipient... recipients) {
        return notice("PARTIALLY_FAILED", recipients);
    }

    static Set<String> targets(Decision decision) {
        return decision.targets().stream().map(t -> t.recipientId() + ":" + t.channel()).collect(Collectors.toSet());
    }

    // ---- every scope against every mix of states

    static Stream<Arguments> mixes() {
        List<Arguments> all = new ArrayList<>();
        for (ResendScope scope : ResendScope.values()) {
            for (DeliveryStatus email : DeliveryStatus.values()) {
                for (DeliveryStatus sms : DeliveryStatus.values()) {
                    all.add(Arguments.of(scope, email, sms));
                }
            }
        }
        return all.stream();
    }

    /** CONTRACT §1's scope table, restated independently of the implementation. */
    static Set<Channel> expected(ResendScope scope, DeliveryStatus email, DeliveryStatus sms) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (scope == ALL_UNDELIVERED) {
            Set<DeliveryStatus> reached = EnumSet.of(SENT, DELIVERED, PENDING);
            if (reached.contains(email) || reached.contains(sms)) {
                return channels;
            }
            if (email == FAILED || email == SKIPPED) {
                channels.add(EMAIL);
            }
            if (sms == FAILED || sms == SKIPPED) {
                channels.add(SMS);
            }
            return channels;
        }
        if (email == FAILED) {
            channels.add(EMAIL);
        }
        if (sms == FAILED) {
            channels.add(SMS);
        }
        return channels;
    }

    @ParameterizedTest(name = "{0} with EMAIL {1} and SMS {2}")
    @MethodSource("mixes")
    void resendsExactlyTheChannelsOfTheScopeTable(ResendScope scope, DeliveryStatus email, DeliveryStatus sms) {
        // A second recipient with a failure keeps the notice resendable whatever the mix under test.
        NoticeDeliveries notice = sent(recipient("r1", email, sms), recipient("r2", FAILED, DELIVERED));
        Decision decision = ResendPolicy.decide(notice, scope, scope == SELECTED ? Set.of("r1") : Set.of());

        Set<Channel> expected = expected(scope, email, sms);
        Set<String> r1Targets = targets(decision).stream().filter(t -> t.startsWith("r1:"))
                .collect(Collectors.toSet());
        assertThat(r1Targets).isEqualTo(expected.stream().map(c -> "r1:" + c).collect(Collectors.toSet()));
        if (expected.isEmpty() && scope == SELECTED) {
            assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        }
        for (Target target : decision.targets()) {
            assertThat(target.attempt()).isEqualTo(2);
            assertThat(target.address()).isEqualTo(target.channel() == EMAIL ? MAIL : PHONE);
        }
        assertThat(decision.counts().emails() + decision.counts().sms()).isEqualTo(decision.targets().size());
    }

    // ---- notice status

    @ParameterizedTest
    @ValueSource(strings = {"DRAFT", "SCHEDULED", "SENDING"})
    void aNoticeNotSentYetIsNotResendable(String status) {
        NoticeDeliveries notice = notice(status, recipient("r1", FAILED, FAILED));
        for (ResendScope scope : ResendScope.values()) {
            Decision decision = ResendPolicy.decide(notice, scope, Set.of("r1"));
            assertThat(decision.rejection()).isEqualTo(Rejection.NOTICE_NOT_RESENDABLE);
            assertThat(decision.targets()).isEmpty();
        }
        assertThat(ResendPolicy.resendable(notice)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENT", "PARTIALLY_FAILED"})
    void aSentNoticeWithAFailureIsResendable(String status) {
        NoticeDeliveries notice = notice(status, recipient("r1", FAILED, DELIVERED));
        assertThat(ResendPolicy.resendable(notice)).isTrue();
        assertThat(ResendPolicy.decide(notice, FAILED_ONLY, Set.of()).accepted()).isTrue();
    }

    @Test
    void aSentNoticeWithoutFailuresIsNotResendableAndHasNothingToResend() {
        NoticeDeliveries notice = sent(recipient("r1", DELIVERED, SENT), recipient("r2", SKIPPED, DELIVERED));
        assertThat(ResendPolicy.resendable(notice)).isFalse();
        for (ResendScope scope : ResendScope.values()) {
            assertThat(ResendPolicy.decide(notice, scope, Set.of("r1")).rejection())
                    .isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        }
    }

    @Test
    void skippedChannelsAloneDoNotMakeANoticeResendable() {
        // ALL_UNDELIVERED would resend the SKIPPED email, but the button only exists with a FAILED channel.
        NoticeDeliveries notice = sent(recipient("r1", SKIPPED, SKIPPED));
        assertThat(ResendPolicy.resendable(notice)).isFalse();
        assertThat(ResendPolicy.decide(notice, ALL_UNDELIVERED, Set.of()).rejection())
                .isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
    }

    // ---- selection

    @Test
    void anEmptySelectionIsRejectedBeforeTheNoticeStatus() {
        assertThat(ResendPolicy.decide(notice("DRAFT", recipient("r1", FAILED, FAILED)), SELECTED, Set.of())
                .rejection()).isEqualTo(Rejection.NO_RECIPIENTS_SELECTED);
        assertThat(ResendPolicy.decide(sent(recipient("r1", FAILED, FAILED)), SELECTED, null).rejection())
                .isEqualTo(Rejection.NO_RECIPIENTS_SELECTED);
    }

    @Test
    void idsThatAreNotRecipientsAreAValidationFailureNamingThem() {
        Decision decision = ResendPolicy.decide(sent(recipient("r1", FAILED, FAILED)), SELECTED,
                Set.of("r1", "zz", "aa"));
        assertThat(decision.rejection()).isEqualTo(Rejection.VALIDATION_FAILED);
        assertThat(decision.unknownRecipients()).containsExactly("aa", "zz");
    }

    @Test
    void theNoticeStatusIsCheckedBeforeMembership() {
        assertThat(ResendPolicy.decide(notice("SENDING", recipient("r1", FAILED, FAILED)), SELECTED,
                Set.of("nobody")).rejection()).isEqualTo(Rejection.NOTICE_NOT_RESENDABLE);
    }

    @Test
    void membershipIsCheckedBeforeNothingToResend() {
        assertThat(ResendPolicy.decide(sent(recipient("r1", DELIVERED, DELIVERED)), SELECTED,
                Set.of("r1", "nobody")).rejection()).isEqualTo(Rejection.VALIDATION_FAILED);
    }

    @Test
    void aSelectedRecipientWithoutFailuresLeavesNothingToResend() {
        NoticeDeliveries notice = sent(recipient("r1", DELIVERED, SENT), recipient("r2", FAILED, FAILED));
        assertThat(ResendPolicy.decide(notice, SELECTED, Set.of("r1")).rejection())
                .isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
    }

    @Test
    void onlyTheSelectedRecipientsAreResent() {
        NoticeDeliveries notice = sent(recipient("r1", FAILED, DELIVERED), recipient("r2", FAILED, FAILED),
                recipient("r3", FAILED, FAILED));
        Decision decision = ResendPolicy.decide(notice, SELECTED, Set.of("r1", "r3"));
        assertThat(targets(decision)).containsExactlyInAnyOrder("r1:EMAIL", "r3:EMAIL", "r3:SMS");
        assertThat(decision.counts()).isEqualTo(new ScopeCounts(2, 2, 1, ScopeCounts.Skipped.NONE, 3));
    }

    // ---- current contact

    @Test
    void aResidentWithoutPhoneHasTheFailedSmsSkippedForNoAddress() {
        Recipient noPhone = new Recipient("r1", MAIL, null, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(FAILED, 1, PHONE)));
        Decision decision = ResendPolicy.decide(sent(noPhone), FAILED_ONLY, Set.of());
        assertThat(targets(decision)).containsExactly("r1:EMAIL");
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(1, 0));
    }

    @Test
    void aBlankAddressIsNoAddress() {
        Recipient blank = new Recipient("r1", " ", PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL)));
        Decision decision = ResendPolicy.decide(sent(blank), FAILED_ONLY, Set.of());
        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(1, 0));
    }

    @Test
    void anOptedOutChannelIsSkippedForOptOutEvenWithoutAddress() {
        Recipient optedOut = new Recipient("r1", MAIL, null, Set.of(SMS), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(FAILED, 1, PHONE)));
        Decision decision = ResendPolicy.decide(sent(optedOut), FAILED_ONLY, Set.of());
        assertThat(targets(decision)).containsExactly("r1:EMAIL");
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(0, 1));
    }

    @ParameterizedTest
    @EnumSource(ResendScope.class)
    void whenEveryFailureIsOptedOutNothingIsResentAndTheOptOutsAreReported(ResendScope scope) {
        // Ann replied STOP (SMS FAILED OPTED_OUT) and unsubscribed from a mail that bounced
        Recipient ann = new Recipient("r1", MAIL, PHONE, Set.of(EMAIL, SMS), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(FAILED, 2, PHONE)));
        Decision decision = ResendPolicy.decide(sent(ann), scope, Set.of("r1"));
        assertThat(decision.targets()).isEmpty();
        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(0, 2));
    }

    @Test
    void aChannelSkippedForOptOutIsNeverTargetedByAllUndeliveredEvenWithAnAddress() {
        // the first dispatch skipped Ben's SMS because he had opted out; it is not a failure, so not counted either
        Recipient ben = new Recipient("r1", MAIL, PHONE, Set.of(SMS), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(SKIPPED, 1, PHONE)));
        Decision decision = ResendPolicy.decide(sent(ben), ALL_UNDELIVERED, Set.of());
        assertThat(targets(decision)).containsExactly("r1:EMAIL");
        assertThat(decision.counts().skipped()).isEqualTo(ScopeCounts.Skipped.NONE);
    }

    @ParameterizedTest
    @EnumSource(ResendScope.class)
    void anArchivedResidentIsNeverTargetedNorCounted(ResendScope scope) {
        Recipient archived = new Recipient("r1", MAIL, PHONE, Set.of(), true,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(FAILED, 1, PHONE)));
        Decision decision = ResendPolicy.decide(sent(archived, recipient("r2", FAILED, DELIVERED)), scope,
                Set.of("r1"));
        assertThat(targets(decision)).noneMatch(t -> t.startsWith("r1:"));
        assertThat(decision.counts().skipped()).isEqualTo(ScopeCounts.Skipped.NONE);
    }

    @Test
    void theCurrentAddressIsUsedAndUnchangedAddressesAreCounted() {
        Recipient fixedEmail = new Recipient("r1", "new@example.com", PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, "old@example.com"), SMS, new DeliveryState(FAILED, 1, PHONE)));
        Recipient sameEmailOtherCase = new Recipient("r2", "Bob@Example.com", null, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, "bob@example.com")));
        Decision decision = ResendPolicy.decide(sent(fixedEmail, sameEmailOtherCase), FAILED_ONLY, Set.of());
        assertThat(decision.targets()).containsExactlyInAnyOrder(
                new Target("r1", EMAIL, 2, "new@example.com"), new Target("r1", SMS, 2, PHONE),
                new Target("r2", EMAIL, 2, "Bob@Example.com"));
        assertThat(decision.counts().addressUnchanged()).isEqualTo(2);
    }

    @Test
    void aSkippedChannelThatNowHasAnAddressIsResentByAllUndeliveredOnly() {
        Recipient gotAPhone = new Recipient("r1", MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(SKIPPED, 1, null)));
        NoticeDeliveries notice = sent(gotAPhone);
        assertThat(targets(ResendPolicy.decide(notice, FAILED_ONLY, Set.of()))).containsExactly("r1:EMAIL");
        Decision all = ResendPolicy.decide(notice, ALL_UNDELIVERED, Set.of());
        assertThat(all.targets()).containsExactlyInAnyOrder(new Target("r1", EMAIL, 2, MAIL),
                new Target("r1", SMS, 2, PHONE));
        assertThat(all.counts().addressUnchanged()).isEqualTo(1); // the email; a skipped SMS had no address
    }

    @Test
    void aSkippedChannelStillWithoutAddressIsNeitherResentNorCounted() {
        Recipient stillNoPhone = new Recipient("r1", MAIL, null, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 1, MAIL), SMS, new DeliveryState(SKIPPED, 1, null)));
        Decision decision = ResendPolicy.decide(sent(stillNoPhone), ALL_UNDELIVERED, Set.of());
        assertThat(targets(decision)).containsExactly("r1:EMAIL");
        assertThat(decision.counts().skipped()).isEqualTo(ScopeCounts.Skipped.NONE);
    }

    // ---- attempts and claims

    static NoticeDeliveries withClaims(Map<ChannelKey, Claim> claims, Recipient... recipients) {
        return new NoticeDeliveries("PARTIALLY_FAILED", List.of(recipients), claims);
    }

    @Test
    void theNextAttemptFollowsTheLastOne() {
        Recipient third = new Recipient("r1", MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 3, MAIL), SMS, new DeliveryState(FAILED, 1, PHONE)));
        assertThat(ResendPolicy.decide(sent(third), FAILED_ONLY, Set.of()).targets())
                .containsExactlyInAnyOrder(new Target("r1", EMAIL, 4, MAIL), new Target("r1", SMS, 2, PHONE));
    }

    @Test
    void aClaimedChannelIsNotResentNorCountedAndItsRecipientIsUnderWay() {
        NoticeDeliveries notice = withClaims(Map.of(new ChannelKey("r1", EMAIL), new Claim(2, true, null)),
                recipient("r1", FAILED, FAILED));
        Decision failedOnly = ResendPolicy.decide(notice, FAILED_ONLY, Set.of());
        assertThat(targets(failedOnly)).containsExactly("r1:SMS");
        assertThat(failedOnly.counts().skipped()).isEqualTo(ScopeCounts.Skipped.NONE);
        // The claimed email shows as PENDING: the recipient is not "undelivered" any more.
        assertThat(ResendPolicy.decide(notice, ALL_UNDELIVERED, Set.of()).rejection())
                .isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
    }

    @Test
    void everyFailureClaimedMeansNothingToResendAndNotResendable() {
        NoticeDeliveries notice = withClaims(Map.of(new ChannelKey("r1", EMAIL), new Claim(2, true, null)),
                recipient("r1", FAILED, DELIVERED));
        assertThat(ResendPolicy.resendable(notice)).isFalse();
        for (ResendScope scope : ResendScope.values()) {
            assertThat(ResendPolicy.decide(notice, scope, Set.of("r1")).rejection())
                    .isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        }
    }

    @Test
    void aReleasedClaimsNewerResultWinsOverALaggingNoticeService() {
        // notice-service still shows attempt 1 FAILED; the claim already saw attempt 2 DELIVERED.
        NoticeDeliveries delivered = withClaims(
                Map.of(new ChannelKey("r1", EMAIL), new Claim(2, false, new DeliveryState(DELIVERED, 2, MAIL))),
                recipient("r1", FAILED, DELIVERED), recipient("r2", FAILED, DELIVERED));
        assertThat(targets(ResendPolicy.decide(delivered, FAILED_ONLY, Set.of()))).containsExactly("r2:EMAIL");

        // notice-service still shows attempt 2 PENDING; the claim saw attempt 2 FAILED: resend as attempt 3.
        Recipient pending = new Recipient("r1", MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(PENDING, 2, MAIL)));
        NoticeDeliveries failedAgain = withClaims(
                Map.of(new ChannelKey("r1", EMAIL), new Claim(2, false, new DeliveryState(FAILED, 2, "x@example.com"))),
                pending);
        Decision decision = ResendPolicy.decide(failedAgain, FAILED_ONLY, Set.of());
        assertThat(decision.targets()).containsExactly(new Target("r1", EMAIL, 3, MAIL));
        assertThat(decision.counts().addressUnchanged()).isZero(); // attempt 2 used x@example.com
    }

    @Test
    void noticeServiceAheadOfTheClaimWins() {
        // The claim recorded SENT for attempt 2; notice-service already has the bounce of attempt 2.
        Recipient bounced = new Recipient("r1", MAIL, PHONE, Set.of(), false,
                Map.of(EMAIL, new DeliveryState(FAILED, 2, MAIL)));
        NoticeDeliveries notice = withClaims(
                Map.of(new ChannelKey("r1", EMAIL), new Claim(2, false, new DeliveryState(SENT, 2, MAIL))), bounced);
        assertThat(ResendPolicy.decide(notice, FAILED_ONLY, Set.of()).targets())
                .containsExactly(new Target("r1", EMAIL, 3, MAIL));
    }

    @Test
    void theNextAttemptAlsoFollowsAnAbandonedClaimsAttempt() {
        // A claim for attempt 3 was never published and timed out: attempt 3 may exist somewhere, so use 4.
        NoticeDeliveries notice = withClaims(Map.of(new ChannelKey("r1", EMAIL), new Claim(3, false, null)),
                recipient("r1", FAILED, DELIVERED));
        assertThat(ResendPolicy.decide(notice, FAILED_ONLY, Set.of()).targets())
                .containsExactly(new Target("r1", EMAIL, 4, MAIL));
    }

    // ---- counts

    @Test
    void countsRecipientsWithAtLeastOneTargetAndChannelsSeparately() {
        Recipient noPhone = new Recipient("r3", MAIL, null, Set.of(), false,
                Map.of(SMS, new DeliveryState(FAILED, 1, PHONE)));
        NoticeDeliveries notice = sent(recipient("r1", FAILED, FAILED), recipient("r2", DELIVERED, FAILED), noPhone,
                recipient("r4", DELIVERED, SENT));
        Decision decision = ResendPolicy.decide(notice, FAILED_ONLY, Set.of());
        assertThat(decision.counts()).isEqualTo(new ScopeCounts(2, 1, 2, new ScopeCounts.Skipped(1, 0), 3));
    }

    @Test
    void aNotResendableDecisionStillExplainsItsSkippedChannels() {
        Recipient noPhone = new Recipient("r1", MAIL, null, Set.of(), false,
                Map.of(SMS, new DeliveryState(FAILED, 1, PHONE)));
        Decision decision = ResendPolicy.decide(sent(noPhone), FAILED_ONLY, Set.of());
        assertThat(decision.rejection()).isEqualTo(Rejection.NO_FAILED_RECIPIENTS);
        assertThat(decision.counts().skipped()).isEqualTo(new ScopeCounts.Skipped(1, 0));
    }
}
