package com.propty.delivery.email;

import com.propty.delivery.dispatch.Send;
import com.propty.delivery.resilience.ProviderUnavailable;
import com.propty.delivery.resilience.SendInDoubt;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * The SendGrid SDK behind one method: one mail send call for a batch, one personalization per recipient
 * carrying the {@code custom_args} the webhook correlates by. The client is a singleton (each owns a pool).
 */
@Component
class SendGridMailer {

    private final SendGrid client;
    private final String fromAddress;

    SendGridMailer(SendGridProperties settings) {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.readTimeout().toMillis()).build();
        // no automatic retries: a re-POST after a lost answer would send the batch twice
        Client http = new Client(HttpClientBuilder.create().disableAutomaticRetries().setMaxConnTotal(20)
                .setMaxConnPerRoute(20).setDefaultRequestConfig(timeouts).build(), settings.plainHttp());
        this.client = new SendGrid(settings.apiKey(), http);
        this.client.setHost(settings.host());
        this.fromAddress = settings.fromAddress();
    }

    /**
     * @throws ProviderUnavailable when nothing was sent and trying later makes sense
     * @throws SendInDoubt         when the request may have reached SendGrid but no answer came back
     */
    MailResponse send(Content content, List<Send> batch) {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail(content, batch).build());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the SendGrid request", e);
        }
        Response response;
        try {
            response = client.api(request);
        } catch (ConnectException | ConnectTimeoutException | UnknownHostException e) {
            throw new ProviderUnavailable("SendGrid unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedIOException e) {
            throw new SendInDoubt("SendGrid did not answer in time", e);
        } catch (IOException e) {
            throw new SendInDoubt("SendGrid connection failed mid-call: " + e.getClass().getSimpleName(), e);
        }
        MailResponse answer = new MailResponse(response.getStatusCode(), response.getBody(),
                header(response.getHeaders(), "X-Message-Id"), retryAfter(header(response.getHeaders(), "Retry-After")));
        if (answer.transientFailure()) {
            throw new ProviderUnavailable("SendGrid answered " + answer.status(), answer.retryAfter());
        }
        return answer;
    }

    private Mail mail(Content content, List<Send> batch) {
        Mail mail = new Mail();
        mail.setFrom(new Email(fromAddress));
        mail.setSubject(content.title());
        mail.addContent(new com.sendgrid.helpers.mail.objects.Content("text/plain", content.body()));
        for (Send send : batch) {
            Personalization p = new Personalization();
            p.addTo(new Email(send.address()));
            if (send.propertyId() != null) {
                p.addCustomArg("property_id", send.propertyId());
            }
            p.addCustomArg("notice_id", send.noticeId());
            p.addCustomArg("recipient_id", send.recipientId());
            p.addCustomArg("channel", Channel.EMAIL.name());
            p.addCustomArg("attempt", String.valueOf(send.attempt()));
            p.addCustomArg("attempt_id", send.attemptId());
            mail.addPersonalization(p);
        }
        return mail;
    }

    /** Header names are case-insensitive, and servers do not all spell them like SendGrid. */
    private static String header(Map<String, String> headers, String name) {
        return headers == null ? null : headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static Duration retryAfter(String seconds) {
        try {
            return seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
