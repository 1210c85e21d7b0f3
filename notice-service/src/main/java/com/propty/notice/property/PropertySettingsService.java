package com.propty.notice.property;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.events.QuietHours;
import com.propty.events.Requester;
import com.propty.kit.ApiProblem;
import com.propty.kit.AuditOutbox;
import com.propty.kit.Caller;
import com.propty.kit.MergePatch;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A property's settings (README "Never at night"): anyone of the property reads them, a PROPERTY_ADMIN changes them
 * (audited: who, and the settings as they now are); sending reads the quiet hours its SMS must respect.
 */
@Service
public class PropertySettingsService {

    static final String ADMIN = "PROPERTY_ADMIN";

    private final PropertySettingsStore store;
    private final PropertyDefaults defaults;
    private final AuditOutbox audit;
    private final Clock clock;

    PropertySettingsService(PropertySettingsStore store, PropertyDefaults defaults, AuditOutbox audit, Clock clock) {
        this.store = store;
        this.defaults = defaults;
        this.audit = audit;
        this.clock = clock;
    }

    public PropertySettings get(Caller caller, String propertyId) {
        caller.requireProperty(propertyId, "Property");
        return of(propertyId);
    }

    /** 404 outside the caller's properties, then 403 for anyone but a PROPERTY_ADMIN, then 400 for a bad patch. */
    public PropertySettings patch(Caller caller, String propertyId, JsonNode body) {
        caller.requireProperty(propertyId, "Property");
        if (!caller.roles().contains(ADMIN)) {
            throw ApiProblem.forbidden("Only a property administrator can change the property's settings.");
        }
        MergePatch patch = MergePatch.parse(body, SettingsRules.PATCHABLE, SettingsRules.NESTED);
        SettingsRules.Checked checked = SettingsRules.apply(store.find(propertyId), patch, defaults);
        if (!checked.errors().isEmpty()) {
            throw ApiProblem.validation(checked.errors());
        }
        Instant now = clock.instant();
        store.save(propertyId, checked.stored(), new Requester(caller.id(), caller.name()), now);
        PropertySettings settings = of(propertyId);
        audit.record(caller, propertyId, AuditAction.PROPERTY_SETTINGS_CHANGED, new AuditTarget("property", propertyId),
                details(settings));
        return settings;
    }

    /** The SMS quiet hours of the property, null when it switched them off. */
    public QuietHours quietHours(String propertyId) {
        return of(propertyId).quietHoursWindow();
    }

    private PropertySettings of(String propertyId) {
        return PropertySettings.resolve(propertyId, store.find(propertyId), defaults);
    }

    private static Map<String, String> details(PropertySettings settings) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("timeZone", settings.timeZone());
        details.put("quietHours", settings.quietHours().enabled()
                ? settings.quietHours().start() + "-" + settings.quietHours().end() : "off");
        return details;
    }
}
