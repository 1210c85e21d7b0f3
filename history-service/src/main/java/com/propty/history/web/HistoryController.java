package com.propty.history.web;

import com.propty.history.history.ResendHistory;
import com.propty.history.history.ResendRow;
import com.propty.kit.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A notice's resend history (the gateway routes {@code GET /api/notices/{id}/resends} here). */
@RestController
public class HistoryController {

    private final ResendHistory history;

    public HistoryController(ResendHistory history) {
        this.history = history;
    }

    @GetMapping("/api/notices/{noticeId}/resends")
    List<ResendRow> resends(Caller caller, @PathVariable String noticeId) {
        return history.of(caller, noticeId);
    }
}
