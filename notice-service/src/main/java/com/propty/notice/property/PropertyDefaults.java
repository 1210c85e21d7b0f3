package com.propty.notice.property;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of a property that never changed them ({@code propty.property-defaults}): its time zone and SMS quiet
 * hours (README "Never at night"; the product's default is 21:00–08:00, on). Tests, the benchmark and the demo set
 * these explicitly, so that no result depends on the hour they run.
 */
@ConfigurationProperties("propty.property-defaults")
public record PropertyDefaults(@DefaultValue("UTC") String timeZone, @DefaultValue("true") boolean quietHoursEnabled,
        @DefaultValue("21:00") String quietHoursStart, @DefaultValue("08:00") String quietHoursEnd) {

    PropertySettings.Stored asStored() {
        return new PropertySettings.Stored(timeZone, quietHoursEnabled, quietHoursStart, quietHoursEnd, null, null);
    }
}
