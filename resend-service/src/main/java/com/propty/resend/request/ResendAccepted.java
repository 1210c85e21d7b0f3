package com.propty.resend.request;

import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import com.propty.resend.policy.ScopeCounts;

/** The 202 answer to a resend: what is being resent, and a sentence saying so. */
public record ResendAccepted(String resendId, String noticeId, ResendScope scope, ResendType type, int recipients,
        int emails, int sms, ScopeCounts.Skipped skipped, String message) {

    /** "Resending 12 emails and 3 SMS." (the page composes its own text in the user's language from the counts). */
    public static String message(int emails, int sms) {
        StringBuilder text = new StringBuilder("Resending ");
        if (emails > 0) {
            text.append(emails).append(emails == 1 ? " email" : " emails");
        }
        if (emails > 0 && sms > 0) {
            text.append(" and ");
        }
        if (sms > 0) {
            text.append(sms).append(" SMS");
        }
        return text.append('.').toString();
    }
}
