package com.propty.delivery.sms;

import com.propty.delivery.dispatch.ChannelSender;
import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendOutcome;
import com.propty.delivery.resilience.Provider;
import com.propty.delivery.resilience.ProviderGuard;
import com.propty.delivery.resilience.ProviderUnavailable;
import com.propty.delivery.resilience.SendInDoubt;
import com.propty.events.Channel;
import com.propty.events.Content;
import java.util.List;
import org.springframework.stereotype.Component;

/** SMS through Twilio, one message per target, each with a StatusCallback that names the target. */
@Component
class SmsSender implements ChannelSender {

    private static final String PROVIDER = Provider.TWILIO.id();

    private final TwilioTexter texter;
    private final ProviderGuard guard;
    private final StatusCallbacks callbacks;

    SmsSender(TwilioTexter texter, ProviderGuard guard, StatusCallbacks callbacks) {
        this.texter = texter;
        this.guard = guard;
        this.callbacks = callbacks;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(Content content, List<Send> sends) {
        SendOutcome outcome = new SendOutcome();
        String body = content.smsText() != null && !content.smsText().isBlank() ? content.smsText() : content.body();
        for (int i = 0; i < sends.size(); i++) {
            Send send = sends.get(i);
            try {
                String sid = guard.call(Provider.TWILIO, () -> texter.send(send.address(), body, callbacks.urlFor(send)));
                outcome.answered(send.sent(PROVIDER, sid));
            } catch (TwilioTexter.Rejected e) {
                outcome.answered(send.failed(SmsErrors.forRejection(e.code), e.code == null ? null : String.valueOf(e.code),
                        e.getMessage(), PROVIDER));
            } catch (ProviderUnavailable e) {
                // the rest would meet the same closed door: park them all without calling
                outcome.park(sends.subList(i, sends.size()), e.retryAfter(), e.getMessage());
                break;
            } catch (SendInDoubt e) {
                outcome.inDoubt(List.of(send));
            }
        }
        return outcome;
    }
}
