package com.propty.notice.property;

import com.propty.events.QuietHours;
import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.MergePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a settings patch may say (a pure rule): a time zone known to the platform's time-zone database (IANA names such
 * as {@code Europe/Paris}), quiet hours as {@code HH:mm} or {@code HH:mm:ss}, never starting when they end. A member
 * set to null goes back to the platform's default; {@code quietHours: null} puts all of them back.
 */
final class SettingsRules {

    static final Map<String, MergePatch.Shape> PATCHABLE = Map.of("timeZone", MergePatch.Shape.STRING,
            "quietHours", MergePatch.Shape.OBJECT);
    static final Map<String, Map<String, MergePatch.Shape>> NESTED = Map.of("quietHours", Map.of(
            "enabled", MergePatch.Shape.BOOLEAN, "start", MergePatch.Shape.STRING, "end", MergePatch.Shape.STRING));
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");

    record Checked(PropertySettings.Stored stored, List<FieldError> errors) {
    }

    private SettingsRules() {
    }

    /** The stored settings after {@code patch}, checked as they would then resolve. */
    static Checked apply(PropertySettings.Stored current, MergePatch patch, PropertyDefaults defaults) {
        MergePatch quiet = patch.patch("quietHours");
        PropertySettings.Stored next = quiet == null
                ? new PropertySettings.Stored(patch.string("timeZone", current.timeZone()), null, null, null,
                        current.updatedAt(), current.updatedBy())
                : new PropertySettings.Stored(patch.string("timeZone", current.timeZone()),
                        quiet.bool("enabled", current.quietHoursEnabled()), quiet.string("start", current.quietHoursStart()),
                        quiet.string("end", current.quietHoursEnd()), current.updatedAt(), current.updatedBy());
        List<FieldError> errors = new ArrayList<>();
        PropertySettings resolved = PropertySettings.resolve("", next, defaults);
        for (String field : List.of("start", "end")) {
            String value = field.equals("start") ? resolved.quietHours().start() : resolved.quietHours().end();
            if (!TIME.matcher(value).matches()) {
                errors.add(new FieldError("quietHours." + field, "must be a local time such as 21:00 or 21:00:30"));
            }
        }
        String problem = QuietHours.problem(resolved.timeZone(), resolved.quietHours().start(),
                resolved.quietHours().end());
        if (problem != null && problem.startsWith("Unknown time zone")) {
            errors.add(new FieldError("timeZone", "must be a time zone such as Europe/Paris or America/Montreal"));
        } else if (problem != null && errors.isEmpty()) {
            errors.add(new FieldError("quietHours.end", "must not be the start time"));
        }
        return new Checked(next, errors);
    }
}
