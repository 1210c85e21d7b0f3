package com.propty.delivery.sms;

import com.propty.events.ErrorCode;

/** Twilio's error codes in the platform's words (CONTRACT §2); the raw code travels beside as providerCode. */
public final class SmsErrors {

    private SmsErrors() {
    }

    /** A message refused by the Messages API (a 4xx {@code ApiException}). */
    public static ErrorCode forRejection(Integer twilioCode) {
        if (twilioCode == null) {
            return ErrorCode.CARRIER_REJECTED;
        }
        return switch (twilioCode) {
            case 21211, 21614 -> ErrorCode.INVALID_ADDRESS; // not a valid number / not a mobile number
            case 21610 -> ErrorCode.OPTED_OUT; // the resident replied STOP
            default -> ErrorCode.CARRIER_REJECTED;
        };
    }

    /** An {@code undelivered} or {@code failed} status callback's ErrorCode. */
    public static ErrorCode forCallback(String twilioErrorCode) {
        if (twilioErrorCode == null || twilioErrorCode.isBlank()) {
            return ErrorCode.CARRIER_REJECTED;
        }
        return switch (twilioErrorCode.trim()) {
            case "30003", "30005", "30006" -> ErrorCode.UNREACHABLE; // handset off, unknown or landline number
            case "30007" -> ErrorCode.BLOCKED; // carrier filtering
            case "21610" -> ErrorCode.OPTED_OUT;
            default -> ErrorCode.CARRIER_REJECTED;
        };
    }
}
