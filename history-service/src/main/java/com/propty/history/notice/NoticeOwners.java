package com.propty.history.notice;

import com.propty.kit.ApiProblem;
import com.propty.kit.ServiceTokens;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Whose a notice is, asked of notice-service ({@code GET /internal/notices/{id}}, with this service's own service
 * token) when the history has no resend of it to tell: so that a notice that does not exist, or is another
 * property's, is 404 here too (CONTRACT §3) and not an empty history. notice-service down is 503, never 500.
 */
@Component
public class NoticeOwners {

    private static final Logger log = LoggerFactory.getLogger(NoticeOwners.class);

    private final RestClient client;

    public NoticeOwners(@Value("${history.notice-service.url:http://localhost:8081}") String url,
            @Value("${history.notice-service.timeout:PT3S}") Duration timeout, RestClient.Builder builder,
            ServiceTokens serviceTokens) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.client = builder.baseUrl(url).requestFactory(factory).requestInterceptor(serviceTokens).build();
    }

    record Owner(String noticeId, String propertyId) {
    }

    /** The property of the notice, or empty when no such notice exists. */
    public Optional<String> propertyOf(String noticeId) {
        try {
            Owner owner = client.get().uri("/internal/notices/{id}", noticeId).retrieve().body(Owner.class);
            return Optional.ofNullable(owner).map(Owner::propertyId);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("notice-service unavailable for notice {}: {}", noticeId, e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "NOTICE_SERVICE_UNAVAILABLE",
                    "Notice service unavailable", "The notice could not be looked up; try again shortly.");
        }
    }
}
