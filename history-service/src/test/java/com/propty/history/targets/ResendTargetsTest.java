package com.propty.history.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import com.propty.history.history.TargetState;
import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResendTargetsTest {

    static final String NOTICE = "n-1";
    static final String RESEND = "r-1";
    static final Caller MANAGER = new Caller("m-1", "Ann", Set.of("PROPERTY_MANAGER"), Set.of("p-1"));

    /** The store in memory, counting its lookups. */
    static final class Store implements TargetStore {
        final Map<Integer, List<Target>> chunks = new HashMap<>();
        final Map<String, TargetState> states = new HashMap<>();
        int chunkCount;
        int lookups;

        /** A chunk of {@code n} email targets named {@code r<chunk>-<i>}. */
        Store chunk(int index, int n) {
            chunks.put(index, IntStream.range(0, n)
                    .mapToObj(i -> new Target("r" + index + "-" + i, Channel.EMAIL, 2, "r" + i + "@example.com")).toList());
            chunkCount = Math.max(chunkCount, index + 1);
            return this;
        }

        Store state(String recipientId, DeliveryStatus status) {
            states.put(recipientId + ":EMAIL", new TargetState(TargetState.of(2, status).rank(), status,
                    status == DeliveryStatus.FAILED ? ErrorCode.BOUNCED : null, null, Instant.EPOCH));
            return this;
        }

        @Override
        public Optional<StoredResend> resend(String resendId) {
            lookups++;
            return resendId.equals(RESEND) ? Optional.of(new StoredResend(RESEND, NOTICE, "p-1", chunkCount))
                    : Optional.empty();
        }

        @Override
        public List<Target> chunk(String resendId, int chunkIndex) {
            lookups++;
            return chunks.getOrDefault(chunkIndex, List.of());
        }

        @Override
        public Map<String, TargetState> states(String resendId, List<Target> targets) {
            lookups++;
            assertThat(targets.size()).as("targets per lookup").isLessThanOrEqualTo(ResendTargets.SLICE);
            Map<String, TargetState> found = new HashMap<>();
            targets.forEach(t -> {
                TargetState state = states.get(t.recipientId() + ":" + t.channel());
                if (state != null) {
                    found.put(t.recipientId() + ":" + t.channel(), state);
                }
            });
            return found;
        }
    }

    static List<String> all(ResendTargets targets, String status, int size) {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            ResendTargets.Page page = targets.page(MANAGER, NOTICE, RESEND, status, size, after);
            page.items().forEach(row -> seen.add(row.recipientId()));
            after = page.next();
        } while (after != null);
        return seen;
    }

    @Test
    void pagesFollowThePublishedOrderAcrossChunksWithEveryTargetOnce() {
        // chunk 1 never arrived (its publication failed): the pages go on with chunk 2
        Store store = new Store().chunk(0, 7).chunk(2, 5);
        List<String> expected = new ArrayList<>();
        store.chunks.get(0).forEach(t -> expected.add(t.recipientId()));
        store.chunks.get(2).forEach(t -> expected.add(t.recipientId()));
        assertThat(all(new ResendTargets(store), null, 4)).containsExactlyElementsOf(expected);
    }

    @Test
    void theLastPageHasNoNext() {
        ResendTargets targets = new ResendTargets(new Store().chunk(0, 3));
        ResendTargets.Page page = targets.page(MANAGER, NOTICE, RESEND, null, 3, null);
        assertThat(page.items()).hasSize(3);
        assertThat(page.next()).isNull();
    }

    @Test
    void anUnfilteredPageIsThreeKeyLookups() {
        Store store = new Store().chunk(0, 500);
        new ResendTargets(store).page(MANAGER, NOTICE, RESEND, null, 50, null);
        assertThat(store.lookups).as("the resend, its chunk, the states of 51 targets").isEqualTo(3);
    }

    @Test
    void aFilterShowsOnlyThoseOutcomesInFullPages() {
        Store store = new Store().chunk(0, 10).chunk(1, 10)
                .state("r0-1", DeliveryStatus.FAILED).state("r0-2", DeliveryStatus.DELIVERED)
                .state("r0-8", DeliveryStatus.SKIPPED).state("r1-0", DeliveryStatus.FAILED)
                .state("r1-9", DeliveryStatus.FAILED);
        ResendTargets targets = new ResendTargets(store);
        ResendTargets.Page first = targets.page(MANAGER, NOTICE, RESEND, "FAILED,SKIPPED", 2, null);
        assertThat(first.items()).extracting(TargetRow::recipientId).containsExactly("r0-1", "r0-8");
        assertThat(all(targets, "FAILED,SKIPPED", 2)).containsExactly("r0-1", "r0-8", "r1-0", "r1-9");
        assertThat(first.items().get(0).outcome().errorCode()).isEqualTo(ErrorCode.BOUNCED);
    }

    @Test
    void aTargetWithoutAStoredStateIsPending() {
        Store store = new Store().chunk(0, 2).state("r0-0", DeliveryStatus.SENT);
        assertThat(all(new ResendTargets(store), "PENDING", 50)).containsExactly("r0-1");
    }

    @Test
    void aFilteredPageLooksAtABoundedNumberOfTargetsAndSaysWhereToGoOn() {
        Store store = new Store();
        for (int chunk = 0; chunk < 24; chunk++) {
            store.chunk(chunk, 500);
        }
        store.state("r23-499", DeliveryStatus.FAILED);
        ResendTargets targets = new ResendTargets(store);
        ResendTargets.Page first = targets.page(MANAGER, NOTICE, RESEND, "FAILED", 50, null);
        assertThat(first.items()).isEmpty();
        assertThat(first.next()).as("more to look at").isNotNull();
        assertThat(store.lookups).as("lookups of one request").isLessThanOrEqualTo(
                1 + 2 * (ResendTargets.MAX_SCANNED / ResendTargets.SLICE + 1));
        assertThat(all(targets, "FAILED", 50)).containsExactly("r23-499");
    }

    @Test
    void anotherPropertysResendAnotherNoticesOrNoneIsNotFoundBeforeBadParametersAreLookedAt() {
        ResendTargets targets = new ResendTargets(new Store().chunk(0, 1));
        Caller elsewhere = new Caller("m-2", "Bea", Set.of("PROPERTY_MANAGER"), Set.of("p-2"));
        assertNotFound(() -> targets.page(elsewhere, NOTICE, RESEND, "PIGEON", 0, "x"));
        assertNotFound(() -> targets.page(MANAGER, "n-other", RESEND, null, null, null));
        assertNotFound(() -> targets.page(MANAGER, NOTICE, "r-missing", null, null, null));
        assertNotFound(() -> targets.export(elsewhere, NOTICE, RESEND, null));
        assertThatThrownBy(() -> targets.page(MANAGER, NOTICE, RESEND, "PIGEON", null, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("VALIDATION_FAILED"));
    }

    @Test
    void theExportHoldsEveryTargetTheFilterShowsInOrder() {
        Store store = new Store().chunk(0, 600).chunk(1, 3).state("r0-599", DeliveryStatus.FAILED)
                .state("r1-2", DeliveryStatus.FAILED);
        ResendTargets targets = new ResendTargets(store);
        List<String> all = new ArrayList<>();
        targets.export(MANAGER, NOTICE, RESEND, null).forEachBatch(rows -> rows.forEach(r -> all.add(r.recipientId())));
        assertThat(all).hasSize(603).startsWith("r0-0").endsWith("r1-2");
        List<String> failed = new ArrayList<>();
        targets.export(MANAGER, NOTICE, RESEND, "FAILED").forEachBatch(rows -> rows.forEach(r -> failed.add(r.recipientId())));
        assertThat(failed).containsExactly("r0-599", "r1-2");
    }

    static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("NOT_FOUND"));
    }
}
