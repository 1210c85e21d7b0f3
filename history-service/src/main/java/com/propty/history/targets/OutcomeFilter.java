package com.propty.history.targets;

import com.propty.events.DeliveryStatus;
import com.propty.kit.ApiProblem;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which outcomes a manager asked to see: {@code status=FAILED,SKIPPED} (comma-separated values OR'ed, as in the
 * recipients table); none or blank shows every target. An unknown value is 400, never an empty page.
 */
public record OutcomeFilter(Set<DeliveryStatus> statuses) {

    public static final OutcomeFilter ANY = new OutcomeFilter(EnumSet.allOf(DeliveryStatus.class));

    public static OutcomeFilter parse(String status) {
        if (status == null || status.isBlank()) {
            return ANY;
        }
        EnumSet<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
        for (String value : status.split(",", -1)) {
            try {
                statuses.add(DeliveryStatus.valueOf(value.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("status", "must be PENDING, SENT, DELIVERED, FAILED or SKIPPED"
                        + " (comma-separated for several)");
            }
        }
        return new OutcomeFilter(statuses);
    }

    public boolean isAny() {
        return statuses.size() == DeliveryStatus.values().length;
    }

    public boolean matches(TargetRow row) {
        return statuses.contains(row.outcome().status());
    }
}
