package com.propty.resend.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.kit.ApiProblem;
import com.propty.resend.idempotency.KeyRefused;
import com.propty.resend.policy.Rejection;
import com.propty.resend.policy.ScopeCounts;
import com.propty.resend.request.ResendRejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Each refusal's status, code and words, without Spring: the code is the rejection's name (CONTRACT §3). */
class ResendProblemsTest {

    @Test
    void eachRejectionHasItsStatusAndItsNameAsTheCode() {
        for (Rejection rejection : Rejection.values()) {
            ApiProblem problem = ResendProblems.of(new ResendRejected(rejection, List.of(), ScopeCounts.ZERO));
            assertThat(problem.code()).isEqualTo(rejection.name());
            assertThat(problem.status()).isEqualTo(switch (rejection) {
                case NO_RECIPIENTS_SELECTED, VALIDATION_FAILED -> HttpStatus.BAD_REQUEST;
                case NOTICE_NOT_RESENDABLE, NO_FAILED_RECIPIENTS -> HttpStatus.CONFLICT;
            });
        }
    }

    @Test
    void aRefusedIdempotencyKeyIsNamedByItsReason() {
        for (KeyRefused.Reason reason : KeyRefused.Reason.values()) {
            ApiProblem problem = ResendProblems.of(new KeyRefused(reason));
            assertThat(problem.code()).isEqualTo("IDEMPOTENCY_KEY_" + reason.name());
            assertThat(problem.status()).isEqualTo(switch (reason) {
                case REUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
                case IN_PROGRESS -> HttpStatus.CONFLICT;
            });
        }
        assertThat(ResendProblems.notStarted().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void idsThatAreNotRecipientsAreNamedOneFieldErrorEach() {
        ApiProblem problem = ResendProblems.of(new ResendRejected(Rejection.VALIDATION_FAILED, List.of("r-9", "r-7"),
                ScopeCounts.ZERO));
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::message)
                .containsExactly("not a recipient of this notice: r-9", "not a recipient of this notice: r-7");
    }

    @Test
    void nothingLeftSaysWhichAbuseLimitIsWhyAndUntilWhen() {
        Instant from = Instant.parse("2026-06-01T10:05:00Z");
        ApiProblem limits = ResendProblems.of(new ResendRejected(Rejection.NO_FAILED_RECIPIENTS, List.of(),
                new ScopeCounts(0, 0, 0, new ScopeCounts.Skipped(0, 0, 1, 2), 0, from)));
        assertThat(limits.getMessage()).isEqualTo("Nothing can be resent in this scope now: 1 channel has reached the "
                + "limit of resends for this notice; 2 channels were resent recently and can be resent from " + from + ".");
        ApiProblem plain = ResendProblems.of(new ResendRejected(Rejection.NO_FAILED_RECIPIENTS, List.of(),
                ScopeCounts.ZERO));
        assertThat(plain.getMessage()).startsWith("Nothing is left to resend in this scope");
    }
}
