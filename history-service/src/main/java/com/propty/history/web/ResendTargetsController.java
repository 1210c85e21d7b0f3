package com.propty.history.web;

import com.propty.history.targets.ResendTargets;
import com.propty.history.targets.TargetRow;
import com.propty.kit.Caller;
import com.propty.kit.CsvCells;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What each resend did (the gateway routes {@code GET /api/notices/{id}/resends/{resendId}/targets} and
 * {@code …/targets.csv} here): a keyed page of JSON, or every target as CSV for {@code Accept: text/csv} or the
 * {@code .csv} path (a link needs no header).
 */
@RestController
public class ResendTargetsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ResendTargets targets;

    public ResendTargetsController(ResendTargets targets) {
        this.targets = targets;
    }

    @GetMapping(path = "/api/notices/{noticeId}/resends/{resendId}/targets")
    ResendTargets.Page page(Caller caller, @PathVariable String noticeId, @PathVariable String resendId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String after) {
        return targets.page(caller, noticeId, resendId, status, size, after);
    }

    @GetMapping(path = "/api/notices/{noticeId}/resends/{resendId}/targets", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csvByAccept(Caller caller, @PathVariable String noticeId,
            @PathVariable String resendId, @RequestParam(required = false) String status) {
        return csv(caller, noticeId, resendId, status);
    }

    @GetMapping("/api/notices/{noticeId}/resends/{resendId}/targets.csv")
    ResponseEntity<StreamingResponseBody> csv(Caller caller, @PathVariable String noticeId,
            @PathVariable String resendId, @RequestParam(required = false) String status) {
        ResendTargets.Export export = targets.export(caller, noticeId, resendId, status);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvCells.line("recipientId", "channel", "fallback", "attempt", "address", "status", "errorCode",
                    "providerCode", "updatedAt"));
            export.forEachBatch(rows -> {
                try {
                    for (TargetRow row : rows) {
                        TargetRow.Outcome outcome = row.outcome();
                        writer.write(CsvCells.line(row.recipientId(), row.channel(), row.fallback(), row.attempt(), row.address(),
                                outcome.status(), outcome.errorCode(), outcome.providerCode(), outcome.updatedAt()));
                    }
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"resend-" + resendId + "-targets.csv\"")
                .body(body);
    }
}
