package com.propty.notice.notice;

import com.propty.kit.ClientInput;
import java.util.List;

/** The body of a draft creation; channels stay strings so that an unknown one is a field error, not a parse error. */
@ClientInput
public record NoticeInput(String title, String body, String smsText, List<String> channels,
        List<String> recipientIds) {
}
