package com.propty.delivery.dispatch;

import com.propty.events.DeliveryResult;
import com.propty.events.ErrorCode;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns sends nobody settled within the in-doubt window into FAILED {@code SEND_IN_DOUBT}: the process died
 * between the provider call and recording its answer, or the provider never answered. They are not sent
 * again automatically (the resident may have received them); a manager can resend.
 */
@Component
class InDoubtSweeper {

    private static final Logger log = LoggerFactory.getLogger(InDoubtSweeper.class);

    private final SendLedger ledger;
    private final DeliveryResults results;
    private final DeliverySettings settings;
    private final Clock clock;

    InDoubtSweeper(SendLedger ledger, DeliveryResults results, DeliverySettings settings, Clock clock) {
        this.ledger = ledger;
        this.results = results;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${delivery.in-doubt-sweep-interval}", initialDelayString = "${delivery.in-doubt-sweep-interval}")
    void sweep() {
        try {
            List<Send> inDoubt = ledger.inDoubtSince(clock.instant().minus(settings.inDoubtWindow()), 1000);
            if (inDoubt.isEmpty()) {
                return;
            }
            List<DeliveryResult> failed = inDoubt.stream().map(s -> s.failed(ErrorCode.SEND_IN_DOUBT, null,
                    "No answer from the provider within " + settings.inDoubtWindow() + "; not sent again automatically",
                    null)).toList();
            // published first: a crash before the ledger records them makes the next sweep publish them again
            // (a duplicate every consumer ignores); the other order could settle them in the ledger unpublished
            results.publish(failed);
            ledger.record(failed);
            log.warn("{} sends in doubt for more than {} marked FAILED SEND_IN_DOUBT", failed.size(), settings.inDoubtWindow());
        } catch (RuntimeException e) {
            log.warn("Sweeping in-doubt sends failed, will try again", e);
        }
    }
}
