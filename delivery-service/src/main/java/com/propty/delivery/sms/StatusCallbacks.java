package com.propty.delivery.sms;

import com.propty.delivery.dispatch.Send;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's one public base URL ({@code delivery.public-base-url}, PUBLIC_BASE_URL), used both in the
 * StatusCallback given to Twilio and to check Twilio's signature, so the two always agree. Read on use
 * rather than at start-up so that it may name this server's own port (tests: {@code ${local.server.port}}).
 */
@Component
public class StatusCallbacks {

    public static final String PATH = "/webhooks/twilio/status";

    private final Environment environment;

    StatusCallbacks(Environment environment) {
        this.environment = environment;
    }

    /**
     * {@code {PUBLIC_BASE_URL}/webhooks/twilio/status?n={noticeId}&r={recipientId}&a={attempt}&id={attemptId}&p=
     * {propertyId}} ({@code p} only when the send has one).
     */
    public String urlFor(Send send) {
        return publicBaseUrl() + PATH + "?n=" + encode(send.noticeId()) + "&r=" + encode(send.recipientId())
                + "&a=" + send.attempt() + "&id=" + encode(send.attemptId())
                + (send.propertyId() == null ? "" : "&p=" + encode(send.propertyId()));
    }

    /** The URL Twilio signed: the public base URL, the path and the query exactly as received. */
    public String signedUrl(String path, String rawQuery) {
        return publicBaseUrl() + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    private String publicBaseUrl() {
        String url = environment.getRequiredProperty("delivery.public-base-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
