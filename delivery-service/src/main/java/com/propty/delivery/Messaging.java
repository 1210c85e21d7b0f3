package com.propty.delivery;

import com.propty.delivery.dispatch.Dispatching;
import com.propty.delivery.dispatch.SendRequest;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.ResendRequested;
import com.propty.events.Topics;
import com.propty.kit.metrics.ConsumerMeters;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every Kafka binding of the service (topics, groups and DLQs are in application.yml): the two request
 * topics in; {@code delivery-results}, {@code delivery-deferrals} and {@code contact-opt-outs} out (through
 * {@link EventPublisher}).
 * A dispatch and a resend are the same work for this service: send these targets now.
 */
@Configuration
class Messaging {

    @Bean
    Consumer<NoticeDispatchRequested> noticeDispatchRequested(Dispatching dispatching, ConsumerMeters meters) {
        meters.register(Topics.NOTICE_DISPATCH_REQUESTED);
        return event -> {
            dispatching.dispatch(SendRequest.of(event));
            meters.applied(Topics.NOTICE_DISPATCH_REQUESTED, event.occurredAt());
        };
    }

    @Bean
    Consumer<ResendRequested> resendRequested(Dispatching dispatching, ConsumerMeters meters) {
        meters.register(Topics.RESEND_REQUESTED);
        return event -> {
            dispatching.dispatch(SendRequest.of(event));
            meters.applied(Topics.RESEND_REQUESTED, event.occurredAt());
        };
    }
}
