package com.propty.notice.web;

import com.propty.kit.Caller;
import com.propty.notice.property.PropertySettings;
import com.propty.notice.property.PropertySettingsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class PropertySettingsController {

    private final PropertySettingsService settings;

    PropertySettingsController(PropertySettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/properties/{propertyId}/settings")
    PropertySettings get(Caller caller, @PathVariable String propertyId) {
        return settings.get(caller, propertyId);
    }

    @PatchMapping(path = "/api/properties/{propertyId}/settings",
            consumes = {"application/merge-patch+json", "application/json"})
    PropertySettings patch(Caller caller, @PathVariable String propertyId, @RequestBody JsonNode patch) {
        return settings.patch(caller, propertyId, patch);
    }
}
