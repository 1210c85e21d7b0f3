package com.propty.delivery.sms;

import com.propty.delivery.resilience.ProviderUnavailable;
import com.propty.delivery.resilience.SendInDoubt;
import com.propty.delivery.resilience.TransientStatus;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.stereotype.Component;

/** The Twilio SDK behind one method: create one message with its StatusCallback. */
@Component
class TwilioTexter {

    /** Twilio refused this message (a 4xx other than 429): an answer, not a failure of Twilio. */
    static class Rejected extends RuntimeException {
        final Integer code;

        Rejected(Integer code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final TwilioRestClient client;
    private final PhoneNumber from;

    TwilioTexter(TwilioProperties settings) {
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new RedirectingHttpClient(settings.apiBaseUrl(), 5_000, 30_000)).build();
        this.from = new PhoneNumber(settings.fromNumber());
    }

    /**
     * @return the message SID
     * @throws Rejected            when Twilio refused the message
     * @throws ProviderUnavailable when nothing was sent and trying later makes sense
     * @throws SendInDoubt         when the request may have reached Twilio but no answer came back
     */
    String send(String to, String body, String statusCallback) {
        try {
            return Message.creator(new PhoneNumber(to), from, body).setStatusCallback(statusCallback).create(client).getSid();
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            if (status == 0 || TransientStatus.of(status)) { // 0: the SDK saw no status at all
                throw new ProviderUnavailable("Twilio answered " + status + " (" + e.getCode() + ")", null, e);
            }
            throw new Rejected(e.getCode(), e.getMessage());
        } catch (ApiConnectionException e) {
            if (causedBy(e, ConnectException.class) || causedBy(e, ConnectTimeoutException.class)
                    || causedBy(e, UnknownHostException.class)) {
                throw new ProviderUnavailable("Twilio unreachable", Duration.ZERO, e);
            }
            throw new SendInDoubt("Twilio did not answer: " + e.getMessage(), e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
