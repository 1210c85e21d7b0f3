package com.propty.notice.property;

import com.propty.events.QuietHours;
import com.propty.events.Requester;
import java.time.Instant;

/**
 * A property's settings as the API shows them: every value resolved (what the property set, else the platform's
 * default). {@code updatedAt}/{@code updatedBy} are null while the property never changed them.
 */
public record PropertySettings(String propertyId, String timeZone, QuietHoursSetting quietHours, Instant updatedAt,
        Requester updatedBy) {

    /** SMS quiet hours: ISO local times of the property's time zone, start inclusive, end exclusive. */
    public record QuietHoursSetting(boolean enabled, String start, String end) {
    }

    /** What a property set (each null: the default), as stored. */
    public record Stored(String timeZone, Boolean quietHoursEnabled, String quietHoursStart, String quietHoursEnd,
            Instant updatedAt, Requester updatedBy) {

        public static final Stored NOTHING = new Stored(null, null, null, null, null, null);
    }

    static PropertySettings resolve(String propertyId, Stored set, PropertyDefaults defaults) {
        return new PropertySettings(propertyId, or(set.timeZone(), defaults.timeZone()),
                new QuietHoursSetting(set.quietHoursEnabled() == null ? defaults.quietHoursEnabled()
                        : set.quietHoursEnabled(), or(set.quietHoursStart(), defaults.quietHoursStart()),
                        or(set.quietHoursEnd(), defaults.quietHoursEnd())),
                set.updatedAt(), set.updatedBy());
    }

    /** The window SMS must respect, null when quiet hours are off. */
    public QuietHours quietHoursWindow() {
        return quietHours.enabled() ? new QuietHours(timeZone, quietHours.start(), quietHours.end()) : null;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
