package com.propty.delivery.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Twilio's SDK has no base-URL setting: this client sends its requests to {@code twilio.api-base-url}
 * instead of {@code https://api.twilio.com} (the simulator locally). It also makes exactly one attempt:
 * the SDK retries 5xx by itself and Apache re-POSTs on some errors, which could send an SMS twice; retries
 * are the retry store's decision alone.
 */
class RedirectingHttpClient extends NetworkHttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final String baseUrl;

    RedirectingHttpClient(String baseUrl, int connectTimeoutMillis, int readTimeoutMillis) {
        super(HttpClientBuilder.create().disableAutomaticRetries().setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(readTimeoutMillis)).build()));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(redirect(request));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    Request redirect(Request request) {
        String url = request.getUrl();
        if (!url.startsWith(TWILIO_API)) {
            return request;
        }
        Request redirected = new Request(request.getMethod(), baseUrl + url.substring(TWILIO_API.length()));
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> redirected.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> redirected.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> redirected.addHeaderParam(name, v)));
        if (request.getAuthStrategy() != null) {
            redirected.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            redirected.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getContentType() != null) {
            redirected.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            redirected.setBody(request.getBody());
        }
        return redirected;
    }
}
