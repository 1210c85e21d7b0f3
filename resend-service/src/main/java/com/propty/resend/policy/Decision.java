package com.propty.resend.policy;

import com.propty.events.Target;
import java.util.List;

/**
 * The answer of {@link ResendPolicy}: the targets of a resend with their counts, or a rejection.
 * A NO_FAILED_RECIPIENTS rejection still carries the counts (its skipped channels explain why).
 */
public record Decision(Rejection rejection, List<String> unknownRecipients, List<Target> targets,
        ScopeCounts counts) {

    public Decision {
        unknownRecipients = List.copyOf(unknownRecipients);
        targets = List.copyOf(targets);
    }

    static Decision rejected(Rejection rejection) {
        return new Decision(rejection, List.of(), List.of(), ScopeCounts.ZERO);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
