package com.propty.notice.web;

import com.propty.kit.Caller;
import com.propty.notice.notice.NoticeSummary;
import com.propty.notice.notice.Notices;
import com.propty.notice.stream.NoticeStreams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class NoticeStreamController {

    private final Notices notices;
    private final NoticeStreams streams;

    NoticeStreamController(Notices notices, NoticeStreams streams) {
        this.notices = notices;
        this.streams = streams;
    }

    /** Ownership is checked before the stream opens, so a foreign notice is a plain 404 problem. */
    @GetMapping("/api/notices/{noticeId}/stream")
    SseEmitter stream(Caller caller, @PathVariable String noticeId) {
        return streams.open(NoticeSummary.of(notices.get(caller, noticeId)));
    }
}
