package com.propty.delivery.dispatch;

import com.propty.events.DeliveryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of a group of sends: the provider's answers (SENT or FAILED), the sends parked because the
 * provider was unavailable (nothing left this service for them), and the sends in doubt (the call may have
 * reached the provider but no answer came back: never repeated, see CONTRACT §5).
 */
public final class SendOutcome {

    private final List<DeliveryResult> results = new ArrayList<>();
    private final List<Send> parked = new ArrayList<>();
    private final List<Send> inDoubt = new ArrayList<>();
    private Duration retryAfter;
    private String parkedBecause;

    public void answered(DeliveryResult result) {
        results.add(result);
    }

    public void park(List<Send> sends, Duration retryAfter, String because) {
        parked.addAll(sends);
        if (retryAfter != null && (this.retryAfter == null || retryAfter.compareTo(this.retryAfter) > 0)) {
            this.retryAfter = retryAfter;
        }
        this.parkedBecause = because;
    }

    public void inDoubt(List<Send> sends) {
        inDoubt.addAll(sends);
    }

    public List<DeliveryResult> results() {
        return results;
    }

    public List<Send> parked() {
        return parked;
    }

    public List<Send> inDoubt() {
        return inDoubt;
    }

    /** The provider's own hint (Retry-After, an open circuit's wait), if any. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String parkedBecause() {
        return parkedBecause;
    }
}
