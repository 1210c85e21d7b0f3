package com.propty.resend.notice;

/** notice-service answered 404: an answer, not a failure, so it is neither retried nor counted by the breaker. */
class NoticeNotFound extends RuntimeException {

    NoticeNotFound(String noticeId) {
        super("No notice " + noticeId, null, false, false);
    }
}
