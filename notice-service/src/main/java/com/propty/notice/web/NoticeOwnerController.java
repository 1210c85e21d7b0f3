package com.propty.notice.web;

import com.propty.kit.ApiProblem;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.NoticeStatus;
import com.propty.notice.notice.Notices;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a notice exists and whose it is: what history-service asks before it answers an empty history, so that a
 * notice that does not exist or is another property's is 404 there too (CONTRACT §3). Internal: a service token only.
 */
@RestController
class NoticeOwnerController {

    private final Notices notices;

    NoticeOwnerController(Notices notices) {
        this.notices = notices;
    }

    record NoticeOwner(String noticeId, String propertyId, NoticeStatus status) {
    }

    @GetMapping("/internal/notices/{noticeId}")
    NoticeOwner owner(@PathVariable String noticeId) {
        Notice notice = notices.find(noticeId);
        if (notice == null) {
            throw ApiProblem.notFound("Notice");
        }
        return new NoticeOwner(notice.id(), notice.propertyId(), notice.status());
    }
}
