package com.propty.notice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propty.kit.ServiceKitAutoConfiguration;
import com.propty.notice.property.PropertySettings;
import com.propty.notice.property.PropertySettingsService;
import com.propty.testsupport.InternalTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The settings' HTTP edge as a slice (no broker, no store): a JSON merge patch, or plain JSON, reaches the use case as
 * it was sent; any other body type or a body that is no JSON is refused with problem+json before it. The rules of the
 * patch itself are {@code SettingsRulesTest}'s, the whole path {@code PropertySettingsApiTest}'s.
 */
@WebMvcTest(controllers = PropertySettingsController.class, properties = "propty.audit.enabled=false") // no outbox without a store
@ImportAutoConfiguration(ServiceKitAutoConfiguration.class)
@ActiveProfiles("local")
class PropertySettingsControllerSliceTest {

    private static final String PATH = "/api/properties/prop-1/settings";
    private static final String ADMIN = InternalTokens.bearer(InternalTokens.forCaller("admin-1", "Ada Admin",
            List.of("PROPERTY_ADMIN"), List.of("prop-1")));

    @Autowired
    MockMvc http;
    @MockitoBean
    PropertySettingsService settings;

    @Test
    void aMergePatchReachesTheUseCaseAsItWasSent() throws Exception {
        when(settings.patch(any(), eq("prop-1"), any())).thenReturn(new PropertySettings("prop-1", "Europe/Paris",
                new PropertySettings.QuietHoursSetting(true, "22:00", "07:00"), null, null));

        http.perform(patch(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType("application/merge-patch+json")
                        .content("{\"timeZone\":\"Europe/Paris\",\"quietHours\":{\"start\":\"22:00\",\"end\":null}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andExpect(jsonPath("$.quietHours.start").value("22:00"));

        ArgumentCaptor<JsonNode> sent = ArgumentCaptor.forClass(JsonNode.class);
        verify(settings).patch(any(), eq("prop-1"), sent.capture());
        assertThat(sent.getValue().get("quietHours").get("end").isNull()).as("null puts the default back").isTrue();
    }

    @Test
    void aBodyOfAnotherTypeOrNoJsonIsRefusedBeforeTheUseCase() throws Exception {
        http.perform(patch(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType("text/plain").content("UTC"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        http.perform(patch(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType("application/json")
                        .content("{\"timeZone\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verify(settings, never()).patch(any(), any(), any());
    }
}
