package com.propty.history.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.kit.ApiProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    @Test
    void pageKeysSortLikeTimeThenEntryId() {
        String early = AuditCursor.pageKey(Instant.ofEpochMilli(999), "b");
        String later = AuditCursor.pageKey(Instant.ofEpochMilli(1000), "a");
        String laterTie = AuditCursor.pageKey(Instant.ofEpochMilli(1000), "b");
        assertThat(early).isLessThan(later);
        assertThat(later).isLessThan(laterTie);
        assertThat(AuditCursor.pageKey(Instant.parse("2026-12-02T04:00:00Z"), "e1")).isEqualTo("001796184000000|e1");
    }

    @Test
    void aCursorIsTheOpaqueKeyAndDecodesBack() {
        String key = AuditCursor.pageKey(Instant.parse("2026-01-01T00:00:00Z"), "0f8fad5b-d9cb-469f-a165-70867728950e");
        String cursor = AuditCursor.encode(key);
        assertThat(cursor).doesNotContain("|", "=").matches("[A-Za-z0-9_-]+");
        assertThat(AuditCursor.decode(cursor)).isEqualTo(key);
        assertThat(AuditCursor.decode(null)).isNull();
    }

    @Test
    void anythingButACursorWeIssuedIs400() {
        for (String bad : new String[] {"", "not base64!", AuditCursor.encode("123|x"),
                AuditCursor.encode("001796184000000|x y"), AuditCursor.encode("001796184000000|" + "x".repeat(65)),
                "A".repeat(121)}) {
            assertThatThrownBy(() -> AuditCursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void sizeDefaultsTo50AndStaysWithin1To200() {
        assertThat(AuditCursor.size(null)).isEqualTo(50);
        assertThat(AuditCursor.size(1)).isEqualTo(1);
        assertThat(AuditCursor.size(200)).isEqualTo(200);
        for (int bad : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> AuditCursor.size(bad)).isInstanceOf(ApiProblem.class);
        }
    }
}
