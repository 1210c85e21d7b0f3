package com.propty.delivery.email;

import java.time.Duration;

/** SendGrid's answer to one mail send call. */
record MailResponse(int status, String body, String messageId, Duration retryAfter) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** Worth trying again later: throttled, the provider failing, or our credentials refused (nothing was sent). */
    boolean transientFailure() {
        return status == 429 || status >= 500 || status == 401 || status == 403;
    }
}
