package com.propty.notice;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * notice-service owns residents, notices and each recipient's delivery state per channel.
 *
 * <p>It serves the Residents and Notices API (residents and rent-roll import, drafts, send, schedule, recipients table, CSV export,
 * live SSE stream), each property's settings (time zone, SMS quiet hours) and the internal delivery-states and notice-owner APIs that resend-service and history-service read.
 * Scheduled notices are sent by a poller; a recovery job finishes dispatches a crash interrupted.
 *
 * <p>Consumes (group {@code notice-service}):
 * <ul>
 * <li>{@code delivery-results}: channel states, opt-outs, stats and notice status;</li>
 * <li>{@code resend-requested}: targets back to PENDING at their new attempt;</li>
 * <li>{@code contact-opt-outs}: a resident unsubscribed or reported spam, opted out of that channel;</li>
 * <li>{@code delivery-deferrals}: attempts a provider outage parked: no status change, but they count as that
 * channel's first answer, so the notice may leave SENDING;</li>
 * <li>{@code delivery-holds}: SMS attempts held until the end of the property's quiet hours: likewise a first
 * answer, and the table shows until when they wait.</li>
 * </ul>
 * A record it cannot read goes to {@code <topic>.notice-service.dlq}. Each instance also reads {@code notice-changes}
 * in its own anonymous group, from the latest offset: the live-update hints it turns into its open streams' events
 * (unreadable ones are skipped, no dead letter).
 *
 * <p>Emits {@code notice-dispatch-requested} (sending a notice stores one recipient document per audience member and
 * emits the targets in chunks), {@code audit-events} (what managers did, through the audit outbox) and
 * {@code notice-changes} (best-effort hints that a notice it changed shows something new).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NoticeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NoticeServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
