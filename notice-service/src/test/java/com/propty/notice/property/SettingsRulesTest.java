package com.propty.notice.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.kit.MergePatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SettingsRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PropertyDefaults DEFAULTS = new PropertyDefaults("UTC", true, "21:00", "08:00");

    private static SettingsRules.Checked apply(PropertySettings.Stored current, String patch) {
        return SettingsRules.apply(current, MergePatch.parse(JSON.readTree(patch), SettingsRules.PATCHABLE,
                SettingsRules.NESTED), DEFAULTS);
    }

    @Test
    void aPatchKeepsWhatItDoesNotNameAndNullGoesBackToTheDefault() {
        PropertySettings.Stored set = apply(PropertySettings.Stored.NOTHING,
                "{\"timeZone\":\"Europe/Paris\",\"quietHours\":{\"end\":\"07:00\"}}").stored();
        assertThat(set.timeZone()).isEqualTo("Europe/Paris");
        assertThat(set.quietHoursEnd()).isEqualTo("07:00");
        assertThat(set.quietHoursStart()).as("not named: still the default").isNull();
        PropertySettings resolved = PropertySettings.resolve("p", set, DEFAULTS);
        assertThat(resolved.quietHours().start()).isEqualTo("21:00");
        assertThat(resolved.quietHoursWindow().end()).isEqualTo("07:00");

        PropertySettings.Stored off = apply(set, "{\"quietHours\":{\"enabled\":false}}").stored();
        assertThat(PropertySettings.resolve("p", off, DEFAULTS).quietHoursWindow()).as("off: no window").isNull();
        assertThat(off.quietHoursEnd()).isEqualTo("07:00");

        PropertySettings.Stored cleared = apply(off, "{\"quietHours\":null}").stored();
        assertThat(cleared.quietHoursEnabled()).isNull();
        assertThat(cleared.quietHoursEnd()).isNull();
        assertThat(cleared.timeZone()).isEqualTo("Europe/Paris");
    }

    @Test
    void aWindowThatCannotBeIsRefusedAsItWouldResolve() {
        assertThat(apply(PropertySettings.Stored.NOTHING, "{\"quietHours\":{\"end\":\"21:00\"}}").errors())
                .as("ends when the default start is").extracting(e -> e.field()).containsExactly("quietHours.end");
        assertThat(apply(PropertySettings.Stored.NOTHING, "{\"quietHours\":{\"start\":\"21:00:00.5\"}}").errors())
                .extracting(e -> e.field()).containsExactly("quietHours.start");
        assertThat(apply(PropertySettings.Stored.NOTHING, "{\"timeZone\":\"\"}").errors())
                .extracting(e -> e.field()).containsExactly("timeZone");
        assertThat(apply(PropertySettings.Stored.NOTHING, "{\"timeZone\":\"America/Montreal\"}").errors()).isEmpty();
    }
}
