package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.kit.ApiProblem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeDraftRulesTest {

    @Test
    void aValidDraftHasCanonicalChannelsAndSortedUniqueRecipients() {
        NoticeDraftRules.Checked checked = NoticeDraftRules.check(" Title ", "Body", "", List.of("SMS", "EMAIL", "SMS"),
                List.of("r2", "r1", "r2"));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.draft().title()).isEqualTo("Title");
        assertThat(checked.draft().smsText()).isNull();
        assertThat(checked.draft().channels()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(checked.draft().recipientIds()).containsExactly("r1", "r2");
    }

    @Test
    void limitsAreEnforced() {
        assertThat(NoticeDraftRules.check("t".repeat(201), "b".repeat(50_001), "s".repeat(1_601), List.of(), null)
                .errors()).extracting(FieldError::field).containsExactly("title", "body", "smsText", "channels");
        assertThat(NoticeDraftRules.check("t".repeat(200), "b".repeat(50_000), "s".repeat(1_600), List.of("EMAIL"),
                null).errors()).isEmpty();
        assertThat(NoticeDraftRules.check("t", "b", null, List.of("PIGEON"), List.of()).errors())
                .extracting(FieldError::field).containsExactly("channels", "recipientIds");
    }

    @Test
    void theDefaultSmsTextIsTheBodyCutTo160Characters() {
        Notice notice = new Notice("n", "p", "t", "x".repeat(300), null, List.of(Channel.SMS), null,
                NoticeStatus.DRAFT, null, null, null, null, null, false, null, null, null);
        assertThat(notice.effectiveSmsText()).hasSize(160);
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksMayBreakTheBody() {
        assertThat(NoticeDraftRules.check("Title\r\nBcc", "Body\u0000", "sms\u0007", List.of("EMAIL"), null)
                .errors()).extracting(FieldError::field).containsExactly("title", "body", "smsText");
        NoticeDraftRules.Checked multiline = NoticeDraftRules.check("{\"$ne\": \"\"}", "Line 1\r\nLine 2\tend",
                "$where: 1", List.of("EMAIL"), null);
        assertThat(multiline.errors()).isEmpty();
        assertThat(multiline.draft().title()).isEqualTo("{\"$ne\": \"\"}");
    }
}
