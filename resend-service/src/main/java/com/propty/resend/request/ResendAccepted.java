package com.propty.resend.request;

import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import com.propty.resend.policy.ScopeCounts;

/**
 * The 202 answer to a resend: what is being resent, how much of it by the recipients' other channel
 * ({@code fallback}, README "Reach them another way"), how many SMS wait for the end of the property's quiet hours
 * ({@code quietHours}, null when none wait: README "Never at night"), and a sentence saying so.
 */
public record ResendAccepted(String resendId, String noticeId, ResendScope scope, ResendType type, int recipients,
        int emails, int sms, Fallback fallback, ScopeCounts.Skipped skipped, QuietHoursWait quietHours,
        String message) {

    /** {@code sms} of the resend's SMS wait until {@code until} (the end of quiet hours in {@code timeZone}). */
    public record QuietHoursWait(int sms, java.time.Instant until, String timeZone) {
    }

    /** Of {@code emails} and {@code sms}, those sent instead of a channel that could not succeed as it stood. */
    public record Fallback(int emails, int sms) {

        public int total() {
            return emails + sms;
        }
    }

    /** "Resending 12 emails and 3 SMS." (the page composes its own text in the user's language from the counts). */
    public static String message(int emails, int sms) {
        return message(emails, sms, 0);
    }

    /** "Resending 2 emails and 5 SMS, 4 of them by their other channel. The 5 SMS wait for the end of quiet hours." */
    public static String message(int emails, int sms, int fallback, QuietHoursWait wait) {
        String text = message(emails, sms, fallback);
        if (wait == null) {
            return text;
        }
        String local = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(wait.until().atZone(java.time.ZoneId.of(wait.timeZone())));
        return text + (wait.sms() == 1 ? " The SMS waits" : " The " + wait.sms() + " SMS wait")
                + " for the end of quiet hours (" + local + ", " + wait.timeZone() + ").";
    }

    /** "Resending 2 emails and 5 SMS, 4 of them by their other channel." */
    public static String message(int emails, int sms, int fallback) {
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
        if (fallback > 0) {
            text.append(fallback == emails + sms ? ", all" : ", " + fallback).append(fallback == 1 && emails + sms == 1
                    ? " by the recipient's other channel" : " of them by their other channel");
        }
        return text.append('.').toString();
    }
}
