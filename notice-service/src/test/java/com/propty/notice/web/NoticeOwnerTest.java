package com.propty.notice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.notice.ServiceTestSupport;
import com.propty.testsupport.InternalApiSchemas;
import com.propty.testsupport.InternalTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /internal/notices/{id}}: whose a notice is, for history-service's 404 of an empty history. */
class NoticeOwnerTest extends ServiceTestSupport {

    @Test
    void aServiceLearnsWhoseANoticeIsAndThatAMissingOneDoesNotExist() {
        String property = newProperty();
        String noticeId = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Lift", "body", "The lift is back.", "channels", List.of("EMAIL")), property)
                .body().get("id").stringValue();

        Response owner = callAsService("/internal/notices/" + noticeId);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(InternalApiSchemas.errors(InternalApiSchemas.NOTICE_OWNER, owner.raw())).isEmpty();
        assertThat(owner.body().get("propertyId").stringValue()).isEqualTo(property);
        assertThat(owner.body().get("status").stringValue()).isEqualTo("DRAFT");
        assertThat(callAsService("/internal/notices/no-such-notice").status()).isEqualTo(404);
        assertThat(callWithToken("GET", "/internal/notices/" + noticeId, null,
                InternalTokens.manager("user-1", property)).status()).as("a user's token is not a service's")
                .isEqualTo(403);
    }
}
