package com.propty.history.targets;

import com.propty.events.Target;
import com.propty.history.history.TargetState;
import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * What each resend did ({@code GET /api/notices/{id}/resends/{resendId}/targets}): its targets in the order they were
 * published, each with its outcome within that attempt, filtered by outcome, a keyed page at a time or all of them as
 * CSV. Every read is a key lookup ({@link TargetCursor}); a filtered page reads on through the chunks until it is full
 * or {@link #MAX_SCANNED} targets were looked at, so no request costs more than that whatever the resend's size — a
 * filtered page may then hold fewer than {@code size} targets and still have a {@code next}.
 */
@Component
public class ResendTargets {

    /** The most targets one page request looks at (ten chunks): bounds a filtered page that matches little. */
    public static final int MAX_SCANNED = 5_000;
    /** Targets whose states are read in one lookup when a filter decides which are shown. */
    static final int SLICE = 500;

    /** A page of targets; {@code next} is the cursor of the following page, null after the last one. */
    public record Page(List<TargetRow> items, String next) {
    }

    private final TargetStore store;

    public ResendTargets(TargetStore store) {
        this.store = store;
    }

    /** Checks in the contract's order: 404 (another property's or no such resend of this notice), then 400. */
    public Page page(Caller caller, String noticeId, String resendId, String status, Integer size, String after) {
        TargetStore.StoredResend resend = resend(caller, noticeId, resendId);
        int pageSize = TargetCursor.size(size);
        TargetCursor from = TargetCursor.decode(after);
        OutcomeFilter filter = OutcomeFilter.parse(status);
        List<TargetRow> items = new ArrayList<>(pageSize);
        TargetCursor[] next = {null};
        int[] scanned = {0};
        walk(resend, from, () -> filter.isAny() ? pageSize + 1 - items.size() : SLICE, (place, rows) -> {
            if (scanned[0] >= MAX_SCANNED) {
                next[0] = place;
                return false;
            }
            scanned[0] += rows.size();
            for (int i = 0; i < rows.size(); i++) {
                TargetRow row = rows.get(i);
                if (!filter.matches(row)) {
                    continue;
                }
                if (items.size() == pageSize) {
                    next[0] = new TargetCursor(place.chunk(), place.index() + i);
                    return false;
                }
                items.add(row);
            }
            return true;
        });
        return new Page(List.copyOf(items), next[0] == null ? null : next[0].encode());
    }

    /** Every target the filter shows, a chunk's worth at a time; the checks are made before anything is written. */
    public Export export(Caller caller, String noticeId, String resendId, String status) {
        TargetStore.StoredResend resend = resend(caller, noticeId, resendId);
        OutcomeFilter filter = OutcomeFilter.parse(status);
        return batch -> walk(resend, TargetCursor.START, () -> SLICE, (place, rows) -> {
            List<TargetRow> shown = rows.stream().filter(filter::matches).toList();
            if (!shown.isEmpty()) {
                batch.accept(shown);
            }
            return true;
        });
    }

    /** A checked export, written when the response body is. */
    @FunctionalInterface
    public interface Export {
        void forEachBatch(Consumer<List<TargetRow>> batch);
    }

    private TargetStore.StoredResend resend(Caller caller, String noticeId, String resendId) {
        TargetStore.StoredResend resend = store.resend(resendId)
                .filter(r -> r.noticeId().equals(noticeId)).orElseThrow(() -> ApiProblem.notFound("Resend"));
        caller.requireProperty(resend.propertyId(), "Resend");
        return resend;
    }

    private interface Visitor {
        /** Rows of consecutive targets starting at {@code place}; answers whether to go on. */
        boolean visit(TargetCursor place, List<TargetRow> rows);
    }

    /** Visits the targets from a place on, in order, a slice at a time (each slice's states in one lookup). */
    private void walk(TargetStore.StoredResend resend, TargetCursor from, java.util.function.IntSupplier sliceSize,
            Visitor visitor) {
        int index = from.index();
        for (int chunk = from.chunk(); chunk < resend.chunkCount(); chunk++, index = 0) {
            List<Target> targets = store.chunk(resend.resendId(), chunk);
            while (index < targets.size()) {
                int end = Math.min(targets.size(), index + Math.max(1, sliceSize.getAsInt()));
                List<Target> slice = targets.subList(index, end);
                Map<String, TargetState> states = store.states(resend.resendId(), slice);
                List<TargetRow> rows = slice.stream()
                        .map(t -> TargetRow.of(t, states.get(t.recipientId() + ":" + t.channel()))).toList();
                if (!visitor.visit(new TargetCursor(chunk, index), rows)) {
                    return;
                }
                index = end;
            }
        }
    }
}
