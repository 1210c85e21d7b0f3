package com.propty.notice.web;

import com.propty.events.Channel;
import com.propty.kit.Caller;
import com.propty.kit.CsvCells;
import com.propty.kit.Page;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.Notices;
import com.propty.notice.recipient.RecipientRow;
import com.propty.notice.recipient.RecipientTable;
import com.propty.notice.recipient.Recipients;
import java.io.OutputStreamWriter;
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

@RestController
class RecipientController {

    private final Notices notices;
    private final RecipientTable table;

    RecipientController(Notices notices, RecipientTable table) {
        this.notices = notices;
        this.table = table;
    }

    @GetMapping("/api/notices/{noticeId}/recipients")
    Page<RecipientRow> page(Caller caller, @PathVariable String noticeId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        notices.get(caller, noticeId);
        return table.page(RecipientTable.filter(noticeId, status, channel), page, size);
    }

    @GetMapping("/api/notices/{noticeId}/recipients/export")
    ResponseEntity<StreamingResponseBody> export(Caller caller, @PathVariable String noticeId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String channel) {
        Notice notice = notices.get(caller, noticeId);
        Recipients.Filter filter = RecipientTable.filter(noticeId, status, channel);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvCells.line("recipientId", "name", "email", "phone", "emailStatus", "emailAttempt",
                    "emailAddress", "emailError", "smsStatus", "smsAttempt", "smsAddress", "smsError"));
            table.forEachBatch(filter, rows -> {
                try {
                    for (RecipientRow row : rows) {
                        RecipientRow.ChannelView email = row.channels().get(Channel.EMAIL);
                        RecipientRow.ChannelView sms = row.channels().get(Channel.SMS);
                        writer.write(CsvCells.line(row.recipientId(), row.name(), row.email(), row.phone(),
                                email == null ? null : email.status(), email == null ? null : email.attempt(),
                                email == null ? null : email.address(), error(email),
                                sms == null ? null : sms.status(), sms == null ? null : sms.attempt(),
                                sms == null ? null : sms.address(), error(sms)));
                    }
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"notice-" + notice.id() + "-recipients.csv\"")
                .body(body);
    }

    private static String error(RecipientRow.ChannelView channel) {
        return channel == null || channel.lastError() == null ? null : channel.lastError().code().name();
    }
}
