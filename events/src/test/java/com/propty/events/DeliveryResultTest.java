package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

    static DeliveryResult bounced(String providerMessageId) {
        return DeliveryResult.of("p1", "n1", "r1", Channel.EMAIL, 2, "resend-1", DeliveryStatus.FAILED, ErrorCode.BOUNCED,
                "550", "bounced", "sendgrid", providerMessageId, "a@example.com");
    }

    @Test
    void aResultPublishedAgainCarriesTheIdOfTheFirstPublication() {
        DeliveryResult first = bounced("m-1");
        DeliveryResult again = bounced("m-1");
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(UUID.fromString(first.eventId()).version()).isEqualTo(3);
    }

    @Test
    void eachStatusChangeOfEachTargetAndAttemptHasItsOwnId() {
        String id = DeliveryResult.eventId("n1", "r1", Channel.EMAIL, 2, DeliveryStatus.FAILED);
        assertThat(id).isEqualTo(bounced("m-1").eventId())
                .isNotEqualTo(DeliveryResult.eventId("n1", "r1", Channel.EMAIL, 2, DeliveryStatus.SENT))
                .isNotEqualTo(DeliveryResult.eventId("n1", "r1", Channel.EMAIL, 3, DeliveryStatus.FAILED))
                .isNotEqualTo(DeliveryResult.eventId("n1", "r1", Channel.SMS, 2, DeliveryStatus.FAILED))
                .isNotEqualTo(DeliveryResult.eventId("n1", "r2", Channel.EMAIL, 2, DeliveryStatus.FAILED))
                .isNotEqualTo(DeliveryResult.eventId("n2", "r1", Channel.EMAIL, 2, DeliveryStatus.FAILED));
        // no ambiguity from where one field ends and the next begins
        assertThat(DeliveryResult.eventId("n1", "1r1", Channel.EMAIL, 2, DeliveryStatus.FAILED))
                .isNotEqualTo(DeliveryResult.eventId("n11", "r1", Channel.EMAIL, 2, DeliveryStatus.FAILED));
    }

    @Test
    void onlyALaterAttemptWithItsResendIdIsTheResultOfAResend() {
        assertThat(bounced("m-1").isOfResend()).isTrue();
        assertThat(DeliveryResult.of("p1", "n1", "r1", Channel.EMAIL, 1, "dispatch-1", DeliveryStatus.DELIVERED, null, null,
                null, "sendgrid", "m-2", "a@example.com").isOfResend()).as("attempt 1 is the dispatch").isFalse();
        assertThat(DeliveryResult.of("p1", "n1", "r1", Channel.EMAIL, 2, null, DeliveryStatus.DELIVERED, null, null,
                null, "sendgrid", "m-3", "a@example.com").isOfResend()).as("no resend id to tell").isFalse();
    }

    @Test
    void theRuleIsNotPartOfTheEvent() {
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(bounced("m-1"));
        assertThat(json).contains("\"attemptId\":\"resend-1\"").doesNotContain("ofResend");
    }
}
