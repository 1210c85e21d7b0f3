package com.propty.internaltoken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aShortSafeClientIdIsKept() {
        assertThat(RequestId.keepOrNew("web-1a2b3c4d")).isEqualTo("web-1a2b3c4d");
        assertThat(RequestId.keepOrNew("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void aMissingLongOrUnsafeIdIsReplacedByAUuid() {
        for (String bad : new String[] {null, "", "short", "x".repeat(65), "abc def ghi", "evil\r\nX-Admin: 1",
                "<script>alert(1)</script>", "ünïcødé-ïd"}) {
            String id = RequestId.keepOrNew(bad);
            assertThat(id).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
        }
    }
}
