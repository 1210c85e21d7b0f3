package com.propty.history.notice;

import com.propty.kit.ApiProblem;
import com.propty.kit.InternalClients;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Whose a notice is, asked of notice-service ({@code GET /internal/notices/{id}}, with this service's own service
 * token) when the history has no resend of it to tell: so that a notice that does not exist, or is another
 * property's, is 404 here too (CONTRACT §3) and not an empty history. notice-service down is 503, never 500.
 *
 * <p>A notice never changes property, so an answer is kept ({@link KnownOwners}): only the first look at a notice's
 * empty history depends on notice-service being up; later ones are one key lookup.
 */
@Component
public class NoticeOwners {

    private static final Logger log = LoggerFactory.getLogger(NoticeOwners.class);

    /** As many tries as instances are likely to be down at once, plus one. */
    private static final int ATTEMPTS = 3;

    private final RestClient client;
    private final KnownOwners known;

    public NoticeOwners(NoticeServiceProperties properties, InternalClients clients, KnownOwners known) {
        this.known = known;
        this.client = clients.of("notice-service", properties.timeout());
    }

    record Owner(String noticeId, String propertyId) {
    }

    /** The property of the notice, or empty when no such notice exists. */
    public Optional<String> propertyOf(String noticeId) {
        Optional<String> kept = known.propertyOf(noticeId);
        if (kept.isPresent()) {
            return kept;
        }
        try {
            Owner owner = InternalClients.onLiveInstance(ATTEMPTS,
                    () -> client.get().uri("/internal/notices/{id}", noticeId).retrieve().body(Owner.class));
            if (owner == null || owner.propertyId() == null) {
                return Optional.empty();
            }
            // a concurrent lookup may have kept it first: the same answer either way
            known.keep(noticeId, owner.propertyId());
            return Optional.of(owner.propertyId());
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("notice-service unavailable for notice {}: {}", noticeId, e.getMessage());
            throw ApiProblem.unavailable("NOTICE_SERVICE_UNAVAILABLE",
                    "Notice service unavailable", "The notice could not be looked up; try again shortly.");
        }
    }
}
