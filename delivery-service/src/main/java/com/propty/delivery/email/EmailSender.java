package com.propty.delivery.email;

import com.propty.delivery.dispatch.ChannelSender;
import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendOutcome;
import com.propty.delivery.resilience.Provider;
import com.propty.delivery.resilience.ProviderGuard;
import com.propty.delivery.resilience.ProviderUnavailable;
import com.propty.delivery.resilience.SendInDoubt;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Email through SendGrid, in batches of up to {@code sendgrid.batch-size} personalizations (see {@link EmailBatches}).
 * An address that is surely malformed ({@link AddressSyntax}) fails on its own, INVALID_ADDRESS without a provider
 * code, before any batch: a batch is refused only for what SendGrid alone can judge.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final String PROVIDER = Provider.SENDGRID.id();

    private final SendGridMailer mailer;
    private final ProviderGuard guard;
    private final int batchSize;

    EmailSender(SendGridMailer mailer, ProviderGuard guard, SendGridProperties settings) {
        this.mailer = mailer;
        this.guard = guard;
        this.batchSize = settings.batchSize();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(Content content, List<Send> sends) {
        SendOutcome outcome = new SendOutcome();
        List<Send> sendable = new ArrayList<>(sends.size());
        for (Send send : sends) {
            if (AddressSyntax.sendable(send.address())) {
                sendable.add(send);
            } else {
                // never put in a batch: SendGrid would refuse the whole request for it
                outcome.answered(send.failed(ErrorCode.INVALID_ADDRESS, null, "Not a valid email address", PROVIDER));
            }
        }
        for (List<Send> batch : EmailBatches.split(sendable, batchSize)) {
            sendBatch(content, batch, outcome);
        }
        return outcome;
    }

    private void sendBatch(Content content, List<Send> batch, SendOutcome outcome) {
        List<Send> remaining = batch;
        while (!remaining.isEmpty()) {
            List<Send> sending = remaining;
            MailResponse response;
            try {
                response = guard.call(Provider.SENDGRID, () -> mailer.send(content, sending));
            } catch (ProviderUnavailable e) {
                outcome.park(sending, e.retryAfter(), e.getMessage());
                return;
            } catch (SendInDoubt e) {
                log.warn("SendGrid call for {} emails in doubt: {}", sending.size(), e.getMessage());
                outcome.inDoubt(sending);
                return;
            }
            if (response.accepted()) {
                sending.forEach(s -> outcome.answered(s.sent(PROVIDER, response.messageId())));
                return;
            }
            Map<Integer, String> invalid = EmailBatches.invalidPersonalizations(response.body(), sending.size());
            if (invalid.isEmpty()) {
                // a rejection naming no recipient: the request itself is refused, trying again would not help
                log.warn("SendGrid rejected {} emails with {}", sending.size(), response.status());
                sending.forEach(s -> outcome.answered(s.failed(ErrorCode.CARRIER_REJECTED,
                        String.valueOf(response.status()), "SendGrid rejected the request", PROVIDER)));
                return;
            }
            invalid.forEach((index, message) -> outcome.answered(sending.get(index).failed(ErrorCode.INVALID_ADDRESS,
                    String.valueOf(response.status()), message, PROVIDER)));
            remaining = EmailBatches.without(sending, invalid.keySet());
        }
    }
}
