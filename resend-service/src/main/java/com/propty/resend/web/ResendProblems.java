package com.propty.resend.web;

import com.propty.kit.ApiProblem;
import com.propty.resend.idempotency.KeyRefused;
import com.propty.resend.policy.ScopeCounts;
import com.propty.resend.request.ResendRejected;
import org.springframework.http.HttpStatus;

/** The one place a refused resend gets its HTTP status and its words (CONTRACT §3 "Resends"). */
final class ResendProblems {

    private ResendProblems() {
    }

    static ApiProblem of(ResendRejected rejected) {
        return switch (rejected.rejection()) {
            case NO_RECIPIENTS_SELECTED -> new ApiProblem(HttpStatus.BAD_REQUEST, "NO_RECIPIENTS_SELECTED",
                    "No recipients selected", "Scope SELECTED needs at least one recipient id.");
            case NOTICE_NOT_RESENDABLE -> ApiProblem.conflict("NOTICE_NOT_RESENDABLE", "Notice not resendable",
                    "Only a sent notice can be resent; drafts, scheduled notices and notices still sending cannot.");
            case VALIDATION_FAILED -> new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                    "Some ids are not recipients of this notice.", rejected.unknownRecipients().stream()
                            .map(id -> new ApiProblem.FieldError("recipientIds", "not a recipient of this notice: " + id))
                            .toList());
            case NO_FAILED_RECIPIENTS -> noFailedRecipients(rejected.counts());
        };
    }

    static ApiProblem of(KeyRefused refused) {
        return switch (refused.reason()) {
            case REUSED -> new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key reused", "This Idempotency-Key was already used for another request on this notice.");
            case IN_PROGRESS -> ApiProblem.conflict("IDEMPOTENCY_KEY_IN_PROGRESS", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        };
    }

    static ApiProblem notStarted() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "EVENTS_UNAVAILABLE", "Resend not started",
                "The resend could not be handed over for sending; try again shortly.");
    }

    /** Nothing left: says so, and when the abuse limits are why, which limit and until when. */
    private static ApiProblem noFailedRecipients(ScopeCounts counts) {
        ScopeCounts.Skipped skipped = counts.skipped();
        if (skipped.resendLimit() == 0 && skipped.coolingDown() == 0) {
            return ApiProblem.conflict("NO_FAILED_RECIPIENTS", "No failed recipients", "Nothing is left to resend in "
                    + "this scope: everyone got the notice, or every failure is already being resent.");
        }
        StringBuilder detail = new StringBuilder("Nothing can be resent in this scope now:");
        if (skipped.resendLimit() > 0) {
            detail.append(' ').append(skipped.resendLimit())
                    .append(skipped.resendLimit() == 1 ? " channel has" : " channels have")
                    .append(" reached the limit of resends for this notice;");
        }
        if (skipped.coolingDown() > 0) {
            detail.append(' ').append(skipped.coolingDown())
                    .append(skipped.coolingDown() == 1 ? " channel was" : " channels were")
                    .append(" resent recently and can be resent from ").append(counts.nextEligibleAt()).append(';');
        }
        detail.setLength(detail.length() - 1);
        return ApiProblem.conflict("NO_FAILED_RECIPIENTS", "No failed recipients", detail.append('.').toString());
    }
}
