package com.propty.delivery;

import com.propty.delivery.dispatch.Dispatching;
import com.propty.delivery.dispatch.SendRequest;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.kit.BatchErrorHandling;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Kafka binding of the service (topics, groups and DLQs are in application.yml): the two request
 * topics in, a poll at a time; {@code delivery-results}, {@code delivery-deferrals} and {@code contact-opt-outs} out
 * (through {@link EventPublisher}).
 * A dispatch and a resend are the same work for this service: send these targets now. A poll's chunks are sent
 * together, so one SendGrid request carries the emails of several chunks of the same attempt.
 *
 * <p>A record that cannot be read (poison) goes to the binding's dead-letter topic at once, after the chunks before
 * it are sent; any other failure (the broker or the store down) retries the poll with a back-off, without limit: the
 * send ledger makes a retried chunk send nothing twice, and dead-lettering it would leave its targets unsent.
 */
@Configuration
class Messaging {

    static final String DLQ_SUFFIX = ".delivery-service.dlq";

    @Bean
    Consumer<List<byte[]>> noticeDispatchRequested(Dispatching dispatching, JsonMapper json) {
        return poll -> dispatching.dispatch(read(poll, json, NoticeDispatchRequested.class,
                e -> e.noticeId() != null && e.dispatchId() != null && readable(e.targets()) ? SendRequest.of(e) : null,
                dispatching::dispatch));
    }

    @Bean
    Consumer<List<byte[]>> resendRequested(Dispatching dispatching, JsonMapper json) {
        return poll -> dispatching.dispatch(read(poll, json, ResendRequested.class,
                e -> e.noticeId() != null && e.resendId() != null && readable(e.targets()) ? SendRequest.of(e) : null,
                dispatching::dispatch));
    }

    private static boolean readable(List<Target> targets) {
        return targets != null && targets.stream().allMatch(t -> t != null && t.recipientId() != null
                && t.channel() != null && t.attempt() >= 1);
    }

    /**
     * Reads a poll. At the first poison record, sends what precedes it and throws, naming its index: the error
     * handler commits the records before it, dead-letters it and redelivers the rest.
     */
    static <T> List<SendRequest> read(List<byte[]> poll, JsonMapper json, Class<T> type,
            Function<T, SendRequest> request, Consumer<List<SendRequest>> sendBefore) {
        List<SendRequest> requests = new ArrayList<>(poll.size());
        for (int i = 0; i < poll.size(); i++) {
            SendRequest read = null;
            Exception cause = null;
            try {
                T event = json.readValue(poll.get(i), type);
                read = event == null ? null : request.apply(event);
            } catch (RuntimeException e) {
                cause = e;
            }
            if (read == null) {
                sendBefore.accept(requests);
                throw new BatchListenerFailedException("Unreadable " + type.getSimpleName() + " at index " + i,
                        new BatchErrorHandling.PoisonRecord(cause), i);
            }
            requests.add(read);
        }
        return requests;
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer requestErrorHandling(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${delivery.request-retry-max-interval-ms:10000}") long maxIntervalMs) {
        ExponentialBackOff retry = new ExponentialBackOff(500, 2.0);
        retry.setMaxInterval(maxIntervalMs);
        return BatchErrorHandling.customizer(brokers, DLQ_SUFFIX, retry);
    }
}
