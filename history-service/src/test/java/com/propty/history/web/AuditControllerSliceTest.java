package com.propty.history.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propty.history.audit.AuditTrail;
import com.propty.kit.Caller;
import com.propty.kit.ServiceKitAutoConfiguration;
import com.propty.testsupport.InternalTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit trail's HTTP edge as a slice (no broker, no store): the internal token is checked before the controller,
 * the caller it carries reaches the use case, paging parameters are bound, and answers are JSON or problem+json.
 * The use case's own rules (403, 404, 400 for bad paging) are tested against a real store in {@link AuditApiTest}.
 */
@WebMvcTest(AuditController.class)
@ImportAutoConfiguration(ServiceKitAutoConfiguration.class)
@ActiveProfiles("local")
class AuditControllerSliceTest {

    private static final String PATH = "/api/properties/prop-1/audit";

    @Autowired
    MockMvc http;
    @MockitoBean
    AuditTrail trail;

    @Test
    void theCallerOfTheForwardedTokenAndThePagingReachTheAuditTrail() throws Exception {
        when(trail.of(any(), eq("prop-1"), eq(2), eq("cursor-1"))).thenReturn(new AuditTrail.Page(List.of(
                new AuditTrail.AuditEntry("e-1", Instant.parse("2026-06-01T10:00:00Z"), Map.of("id", "admin-1"),
                        "NOTICE_SENT", Map.of("type", "notice", "id", "n-1"), "req-1", Map.of())), "cursor-2"));
        String token = InternalTokens.forCaller("admin-1", "Ada Admin", List.of("PROPERTY_ADMIN"), List.of("prop-1"));

        http.perform(get(PATH).param("size", "2").param("before", "cursor-1")
                        .header(HttpHeaders.AUTHORIZATION, InternalTokens.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("NOTICE_SENT"))
                .andExpect(jsonPath("$.items[0].at").value("2026-06-01T10:00:00Z"))
                .andExpect(jsonPath("$.next").value("cursor-2"));

        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        verify(trail).of(caller.capture(), eq("prop-1"), eq(2), eq("cursor-1"));
        assertThat(caller.getValue().id()).isEqualTo("admin-1");
        assertThat(caller.getValue().roles()).containsExactly("PROPERTY_ADMIN");
    }

    @Test
    void withoutAValidInternalTokenTheControllerIsNeverReached() throws Exception {
        http.perform(get(PATH)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        http.perform(get(PATH).header(HttpHeaders.AUTHORIZATION,
                        InternalTokens.bearer(InternalTokens.signedWithAnotherKey("admin-1", "prop-1"))))
                .andExpect(status().isUnauthorized());
        verify(trail, never()).of(any(), any(), any(), any());
    }

    @Test
    void aSizeThatIsNoNumberIsABadRequestNotAServerError() throws Exception {
        String token = InternalTokens.forCaller("admin-1", "Ada Admin", List.of("PROPERTY_ADMIN"), List.of("prop-1"));
        http.perform(get(PATH).param("size", "ten").header(HttpHeaders.AUTHORIZATION, InternalTokens.bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verify(trail, never()).of(any(), any(), any(), any());
    }
}
