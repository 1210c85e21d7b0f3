package com.propty.delivery;

import com.propty.delivery.dispatch.Dispatching;
import com.propty.delivery.dispatch.SendRequest;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.ResendRequested;
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
    Consumer<NoticeDispatchRequested> noticeDispatchRequested(Dispatching dispatching) {
        return event -> dispatching.dispatch(SendRequest.of(event));
    }

    @Bean
    Consumer<ResendRequested> resendRequested(Dispatching dispatching) {
        return event -> dispatching.dispatch(SendRequest.of(event));
    }
}
