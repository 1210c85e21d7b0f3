package com.propty.delivery.messaging;

import com.propty.delivery.dispatch.Dispatching;
import com.propty.delivery.dispatch.SendRequest;
import com.propty.events.Event;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.messaging.ConsumerRetries;
import com.propty.kit.messaging.Consumed;
import com.propty.kit.messaging.EventBatch;
import com.propty.kit.messaging.EventPublisher;
import com.propty.kit.messaging.ProjectionErrorHandling;
import com.propty.kit.metrics.ConsumerMeters;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Kafka binding of the service (topics, groups and DLQs are in application.yml): the two request
 * topics in, a poll at a time; {@code delivery-results}, {@code delivery-deferrals}, {@code delivery-holds} and
 * {@code contact-opt-outs} out (through {@link EventPublisher}, which creates each as {@code Topics.PARTITIONS} sizes it).
 * A dispatch and a resend are the same work for this service: send these targets now. A poll's chunks are sent
 * together, so one SendGrid request carries the emails of several chunks of the same attempt.
 *
 * <p>A record that cannot be read (poison) goes to {@code <topic>.delivery-service.dlq} at once, after the chunks
 * before it are sent (service-kit {@link EventBatch}); any other failure (the broker or the store down) retries the
 * poll with a back-off, without limit: the send ledger makes a retried chunk send nothing twice, and dead-lettering
 * it would leave its targets unsent.
 */
@Configuration
class Messaging {

    static final String SERVICE = "delivery-service";

    @Bean
    Consumer<Message<List<byte[]>>> noticeDispatchRequested(Dispatching dispatching, JsonMapper json,
            BatchTracing tracing, ConsumerMeters meters) {
        return requests(Topics.NOTICE_DISPATCH_REQUESTED, NoticeDispatchRequested.class,
                e -> e.noticeId() != null && e.dispatchId() != null && readable(e.targets()), SendRequest::of,
                dispatching, new EventBatch(json, tracing), meters);
    }

    @Bean
    Consumer<Message<List<byte[]>>> resendRequested(Dispatching dispatching, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        return requests(Topics.RESEND_REQUESTED, ResendRequested.class,
                e -> e.noticeId() != null && e.resendId() != null && readable(e.targets()), SendRequest::of,
                dispatching, new EventBatch(json, tracing), meters);
    }

    private static <T extends Event> Consumer<Message<List<byte[]>>> requests(String topic, Class<T> type,
            Predicate<T> valid, Function<T, SendRequest> request, Dispatching dispatching, EventBatch reader,
            ConsumerMeters meters) {
        meters.register(topic);
        EventBatch events = reader.topic(topic, type, valid);
        Consumer<List<Consumed<Object>>> send = read -> {
            dispatching.dispatch(read.stream().map(c -> request.apply(type.cast(c.event()))).toList());
            read.forEach(c -> meters.applied(topic, ((Event) c.event()).occurredAt()));
        };
        return poll -> events.consume(poll, send);
    }

    private static boolean readable(List<Target> targets) {
        return targets != null && targets.stream().allMatch(t -> t != null && t.recipientId() != null
                && t.channel() != null && t.attempt() >= 1);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer requestErrorHandling(ConsumerRetries retries, ConsumerMeters meters) {
        return retries.requests(SERVICE, meters::deadLettered);
    }
}
