package com.propty.notice.resident;

import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a resident's profile must look like; every violation is reported, not just the first. */
public final class ResidentRules {

    static final int MAX_NAME = 200;
    static final int MAX_UNIT = 50;
    private static final int MAX_EMAIL = 254;
    // Deliberately loose: the provider is the judge of deliverability; this only catches typos.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");

    public static final String CONTROL = "must not contain control characters";

    private ResidentRules() {
    }

    public static List<FieldError> check(String name, String email, String phone, String unit) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        } else if (TextRules.hasControlCharacter(name)) {
            errors.add(new FieldError("name", CONTROL));
        }
        if (email != null && !isEmail(email)) {
            errors.add(new FieldError("email", "must be a valid email address"));
        }
        if (phone != null && !isE164(phone)) {
            errors.add(new FieldError("phone", "must be an E.164 phone number such as +15145550123"));
        }
        if (unit != null && unit.length() > MAX_UNIT) {
            errors.add(new FieldError("unit", "must be at most " + MAX_UNIT + " characters"));
        } else if (TextRules.hasControlCharacter(unit)) {
            errors.add(new FieldError("unit", CONTROL));
        }
        return errors;
    }

    public static boolean isEmail(String email) {
        return email.length() <= MAX_EMAIL && !TextRules.hasControlCharacter(email) && EMAIL.matcher(email).matches();
    }

    public static boolean isE164(String phone) {
        return E164.matcher(phone).matches();
    }
}
