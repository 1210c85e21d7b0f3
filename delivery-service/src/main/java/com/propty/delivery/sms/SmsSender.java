package com.propty.delivery.sms;

import com.propty.delivery.dispatch.ChannelSender;
import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendOutcome;
import com.propty.delivery.resilience.Provider;
import com.propty.delivery.resilience.ProviderGuard;
import com.propty.delivery.resilience.ProviderUnavailable;
import com.propty.delivery.resilience.ResilienceProperties;
import com.propty.delivery.resilience.SendInDoubt;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.kit.tracing.TracedExecutors;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * SMS through Twilio, one message per target, each with a StatusCallback that names the target. Twilio has no batch
 * API, so the messages of a slice go out in parallel windows as wide as the Twilio bulkhead
 * ({@code TWILIO_MAX_CONCURRENT_CALLS}); one at a time, a single consumer managed about 20 SMS/s.
 */
@Component
class SmsSender implements ChannelSender {

    private static final String PROVIDER = Provider.TWILIO.id();

    private final TwilioTexter texter;
    private final ProviderGuard guard;
    private final StatusCallbacks callbacks;
    private final int window;
    private final ExecutorService calls;

    SmsSender(TwilioTexter texter, ProviderGuard guard, StatusCallbacks callbacks, ResilienceProperties settings) {
        this.texter = texter;
        this.guard = guard;
        this.callbacks = callbacks;
        this.window = Math.max(1, settings.limits(Provider.TWILIO).maxConcurrentCalls());
        // each call runs in the trace of the batch it sends (README "Tracing and logs")
        this.calls = TracedExecutors.inSubmittersTrace(Executors.newFixedThreadPool(window, r -> {
            Thread thread = new Thread(r, "twilio-call");
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** What one call came to; applied to the outcome on the consumer's thread, in order. */
    private record Answer(Send send, String sid, TwilioTexter.Rejected rejected, ProviderUnavailable unavailable,
            boolean inDoubt) {
    }

    @Override
    public SendOutcome send(Content content, List<Send> sends) {
        SendOutcome outcome = new SendOutcome();
        String body = content.smsText() != null && !content.smsText().isBlank() ? content.smsText() : content.body();
        for (int from = 0; from < sends.size(); from += window) {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (Send send : sends.subList(from, Math.min(sends.size(), from + window))) {
                answers.add(CompletableFuture.supplyAsync(() -> call(send, body), calls));
            }
            ProviderUnavailable unavailable = null;
            List<Send> toPark = new ArrayList<>();
            for (CompletableFuture<Answer> future : answers) {
                Answer answer = future.join();
                Send send = answer.send();
                if (answer.sid() != null) {
                    outcome.answered(send.sent(PROVIDER, answer.sid()));
                } else if (answer.rejected() != null) {
                    TwilioTexter.Rejected e = answer.rejected();
                    outcome.answered(send.failed(SmsErrors.forRejection(e.code),
                            e.code == null ? null : String.valueOf(e.code), e.getMessage(), PROVIDER));
                } else if (answer.inDoubt()) {
                    outcome.inDoubt(List.of(send));
                } else {
                    unavailable = answer.unavailable();
                    toPark.add(send);
                }
            }
            if (unavailable != null) {
                // the rest would meet the same closed door: park them all without calling
                toPark.addAll(sends.subList(Math.min(sends.size(), from + window), sends.size()));
                outcome.park(toPark, unavailable.retryAfter(), unavailable.getMessage());
                break;
            }
        }
        return outcome;
    }

    private Answer call(Send send, String body) {
        try {
            String sid = guard.call(Provider.TWILIO, () -> texter.send(send.address(), body, callbacks.urlFor(send)));
            return new Answer(send, sid, null, null, false);
        } catch (TwilioTexter.Rejected e) {
            return new Answer(send, null, e, null, false);
        } catch (ProviderUnavailable e) {
            return new Answer(send, null, null, e, false);
        } catch (SendInDoubt e) {
            return new Answer(send, null, null, null, true);
        }
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
    }
}
