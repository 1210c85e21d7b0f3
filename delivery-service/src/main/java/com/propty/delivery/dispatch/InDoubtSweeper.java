package com.propty.delivery.dispatch;

import com.propty.events.DeliveryResult;
import com.propty.events.ErrorCode;
import com.propty.kit.lease.JobLeases;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns sends nobody settled within the in-doubt window into FAILED {@code SEND_IN_DOUBT}: the process died
 * between the provider call and recording its answer, or the provider never answered. They are not sent
 * again automatically (the resident may have received them); a manager can resend. Every instance schedules the
 * sweep, and only the holder of its lease runs it ({@link JobLeases}: three sweep intervals, renewed by each sweep),
 * so one sweep runs at a time; when the holder dies, another instance takes over once its lease has ended. A sweep
 * reads the ledger's sends in flight ({@link SendsInFlight}) and those sends by key, never the whole ledger.
 */
@Component
class InDoubtSweeper {

    private static final Logger log = LoggerFactory.getLogger(InDoubtSweeper.class);

    static final String LEASE = "in-doubt-sweep";

    private final SendLedger ledger;
    private final DeliveryResults results;
    private final DeliveryProperties settings;
    private final JobLeases leases;
    private final Clock clock;

    InDoubtSweeper(SendLedger ledger, DeliveryResults results, DeliveryProperties settings, JobLeases leases,
            Clock clock) {
        this.ledger = ledger;
        this.results = results;
        this.settings = settings;
        this.leases = leases;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${delivery.in-doubt-sweep-interval}", initialDelayString = "${delivery.in-doubt-sweep-interval}")
    void sweep() {
        try {
            if (!leases.hold(LEASE, settings.inDoubtSweepInterval().multipliedBy(3))) {
                return; // another instance sweeps
            }
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

    /** At a clean shutdown another instance need not wait for the lease to end. */
    @PreDestroy
    void release() {
        try {
            leases.release(LEASE);
        } catch (RuntimeException e) {
            log.debug("Could not release the in-doubt sweep lease; it ends by itself", e);
        }
    }
}
