package com.propty.resend.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.resend.notice.KeptDeliveries.Kept;
import com.propty.resend.policy.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeptDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    private static Kept kept(String version, int recipients, Instant until) {
        List<Recipient> failing = IntStream.range(0, recipients)
                .mapToObj(i -> new Recipient("r" + i, null, null, Set.of(), false, Map.of())).toList();
        return new Kept(version, 0, failing, Set.of(), Map.of(), null, until);
    }

    @Test
    void theLeastRecentlyUsedGoFirstOnceTheRecipientsKeptPassTheBound() {
        KeptDeliveries kept = new KeptDeliveries(10);
        kept.put("a", kept("a1", 4, NOW.plusSeconds(60)));
        kept.put("b", kept("b1", 4, NOW.plusSeconds(60)));
        assertThat(kept.get("a", NOW)).isNotNull(); // a is now the most recently used
        kept.put("c", kept("c1", 4, NOW.plusSeconds(60)));
        assertThat(kept.get("b", NOW)).as("the least recently used").isNull();
        assertThat(kept.get("a", NOW).version()).isEqualTo("a1");
        assertThat(kept.get("c", NOW).version()).isEqualTo("c1");
    }

    @Test
    void aReplacedEntryFreesItsRecipientsAndOneLargerThanTheBoundIsNotKept() {
        KeptDeliveries kept = new KeptDeliveries(10);
        kept.put("a", kept("a1", 6, NOW.plusSeconds(60)));
        kept.put("a", kept("a2", 6, NOW.plusSeconds(60)));
        kept.put("b", kept("b1", 4, NOW.plusSeconds(60)));
        assertThat(kept.size()).as("a2's 6 and b's 4 fit: a1's were freed").isEqualTo(2);
        kept.put("huge", kept("h1", 11, NOW.plusSeconds(60)));
        assertThat(kept.get("huge", NOW)).isNull();
        assertThat(kept.size()).isEqualTo(2);
    }

    @Test
    void anEntryIsGoneOnceItsTimeIsUp() {
        KeptDeliveries kept = new KeptDeliveries(10);
        kept.put("a", kept("a1", 1, NOW.plusSeconds(60)));
        assertThat(kept.get("a", NOW.plusSeconds(59))).isNotNull();
        assertThat(kept.get("a", NOW.plusSeconds(60))).isNull();
        assertThat(kept.size()).isZero();
    }
}
