package com.propty.resend.request;

import com.propty.resend.policy.Decision;
import com.propty.resend.policy.Rejection;
import com.propty.resend.policy.ScopeCounts;
import java.util.List;

/**
 * A resend the policy refused, with what explains it: the rejection (its name is the API's error code), the ids that
 * are not recipients, and the scope's counts (their skipped channels say which abuse limit, until when). The web
 * room turns it into problem+json ({@code web.ResendProblems}); the use case knows no HTTP status.
 */
public class ResendRejected extends RuntimeException {

    private final Rejection rejection;
    private final List<String> unknownRecipients;
    private final ScopeCounts counts;

    public ResendRejected(Rejection rejection, List<String> unknownRecipients, ScopeCounts counts) {
        super(rejection.name(), null, false, false);
        this.rejection = rejection;
        this.unknownRecipients = List.copyOf(unknownRecipients);
        this.counts = counts;
    }

    static ResendRejected of(Decision decision) {
        return new ResendRejected(decision.rejection(), decision.unknownRecipients(), decision.counts());
    }

    /** Every target was claimed by another resend meanwhile: nothing left, whatever the counts said. */
    static ResendRejected nothingLeft() {
        return new ResendRejected(Rejection.NO_FAILED_RECIPIENTS, List.of(), ScopeCounts.ZERO);
    }

    public Rejection rejection() {
        return rejection;
    }

    public List<String> unknownRecipients() {
        return unknownRecipients;
    }

    public ScopeCounts counts() {
        return counts;
    }
}
