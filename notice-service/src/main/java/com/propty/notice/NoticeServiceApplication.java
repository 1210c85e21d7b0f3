package com.propty.notice;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * notice-service owns residents, notices and each recipient's delivery state per channel.
 *
 * <p>It serves the Residents and Notices API (residents and rent-roll import, drafts, send, schedule, recipients table, CSV export,
 * live SSE stream) and the internal delivery-states API that resend-service reads. Sending a notice
 * stores one recipient document per audience member and emits {@code notice-dispatch-requested}
 * chunks. It consumes {@code delivery-results} (channel states, opt-outs, stats and notice status)
 * {@code resend-requested} (targets back to PENDING at their new attempt) and {@code contact-opt-outs}
 * (a resident unsubscribed or reported spam: opted out of that channel). Scheduled notices are
 * sent by a poller; a recovery job finishes dispatches a crash interrupted.
 */
@SpringBootApplication
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
