package com.propty.delivery.email;

import com.propty.delivery.resilience.TransientStatus;
import java.time.Duration;

/** SendGrid's answer to one mail send call. */
record MailResponse(int status, String body, String messageId, Duration retryAfter) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** Worth trying again later: throttled, the provider failing, or our credentials refused (nothing was sent). */
    boolean transientFailure() {
        return TransientStatus.of(status);
    }
}
