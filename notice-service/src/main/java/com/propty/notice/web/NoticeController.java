package com.propty.notice.web;

import com.propty.kit.Caller;
import com.propty.kit.Page;
import com.propty.notice.notice.NoticeInput;
import com.propty.notice.notice.NoticeView;
import com.propty.notice.notice.Notices;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @PostMapping("/api/properties/{propertyId}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    NoticeView create(Caller caller, @PathVariable String propertyId, @RequestBody NoticeInput input) {
        return NoticeView.of(notices.create(caller, propertyId, input));
    }

    @GetMapping("/api/properties/{propertyId}/notices")
    Page<NoticeView> page(Caller caller, @PathVariable String propertyId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return notices.page(caller, propertyId, status, page, size).map(NoticeView::of);
    }

    @GetMapping("/api/notices/{noticeId}")
    NoticeView get(Caller caller, @PathVariable String noticeId) {
        return NoticeView.of(notices.get(caller, noticeId));
    }

    @PatchMapping(path = "/api/notices/{noticeId}", consumes = {"application/merge-patch+json", "application/json"})
    NoticeView patch(Caller caller, @PathVariable String noticeId, @RequestBody JsonNode patch) {
        return NoticeView.of(notices.patch(caller, noticeId, patch));
    }

    @DeleteMapping("/api/notices/{noticeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String noticeId) {
        notices.delete(caller, noticeId);
    }

    @PostMapping("/api/notices/{noticeId}/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    NoticeView send(Caller caller, @PathVariable String noticeId) {
        return NoticeView.of(notices.send(caller, noticeId));
    }

    @PostMapping("/api/notices/{noticeId}/schedule")
    NoticeView schedule(Caller caller, @PathVariable String noticeId,
            @RequestBody(required = false) Notices.ScheduleInput input) {
        return NoticeView.of(notices.schedule(caller, noticeId, input));
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/notices/{noticeId}/urgent")
    NoticeView markUrgent(Caller caller, @PathVariable String noticeId,
            @RequestBody(required = false) Notices.UrgentInput input) {
        return NoticeView.of(notices.markUrgent(caller, noticeId, input));
    }

    @DeleteMapping("/api/notices/{noticeId}/urgent")
    NoticeView removeUrgency(Caller caller, @PathVariable String noticeId) {
        return NoticeView.of(notices.removeUrgency(caller, noticeId));
    }

    @PostMapping("/api/notices/{noticeId}/cancel")
    NoticeView cancel(Caller caller, @PathVariable String noticeId) {
        return NoticeView.of(notices.cancel(caller, noticeId));
    }
}
