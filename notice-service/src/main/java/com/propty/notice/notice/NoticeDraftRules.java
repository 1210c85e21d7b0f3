package com.propty.notice.notice;

import com.propty.events.Channel;
import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.TextRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The shape of a notice draft (CONTRACT §3); every violation is reported at once. */
public final class NoticeDraftRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 50_000;
    static final int MAX_SMS = 1_600;
    static final int MAX_RECIPIENTS = 50_000;

    private NoticeDraftRules() {
    }

    /** A draft whose fields passed the rules: channels in canonical order, recipient ids unique and sorted. */
    public record Draft(String title, String body, String smsText, List<Channel> channels, List<String> recipientIds) {
    }

    public record Checked(Draft draft, List<FieldError> errors) {
    }

    public static Checked check(String title, String body, String smsText, List<String> channels,
            List<String> recipientIds) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        } else if (TextRules.hasControlCharacter(title)) {
            errors.add(new FieldError("title", "must not contain control characters or line breaks"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters"));
        } else if (TextRules.hasControlCharacterInMultiline(body)) {
            errors.add(new FieldError("body", "must not contain control characters other than tabs and line breaks"));
        }
        String sms = smsText == null || smsText.isBlank() ? null : smsText;
        if (sms != null && sms.length() > MAX_SMS) {
            errors.add(new FieldError("smsText", "must be at most " + MAX_SMS + " characters"));
        } else if (TextRules.hasControlCharacterInMultiline(sms)) {
            errors.add(new FieldError("smsText", "must not contain control characters other than tabs and line breaks"));
        }
        Set<Channel> parsed = EnumSet.noneOf(Channel.class);
        if (channels == null || channels.isEmpty()) {
            errors.add(new FieldError("channels", "must contain EMAIL and/or SMS"));
        } else {
            for (String channel : channels) {
                try {
                    parsed.add(Channel.valueOf(channel));
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new FieldError("channels", "unknown channel " + channel + "; use EMAIL and/or SMS"));
                }
            }
        }
        List<String> ids = null;
        if (recipientIds != null) {
            if (recipientIds.isEmpty()) {
                errors.add(new FieldError("recipientIds", "must not be empty; omit it to send to every resident"));
            } else if (recipientIds.size() > MAX_RECIPIENTS) {
                errors.add(new FieldError("recipientIds", "must hold at most " + MAX_RECIPIENTS + " ids"));
            } else if (recipientIds.stream().anyMatch(id -> id == null || id.isBlank())) {
                errors.add(new FieldError("recipientIds", "must not contain blank ids"));
            } else {
                ids = List.copyOf(new TreeSet<>(recipientIds));
            }
        }
        Draft draft = errors.isEmpty() ? new Draft(title.trim(), body, sms, List.copyOf(parsed), ids) : null;
        return new Checked(draft, errors);
    }
}
