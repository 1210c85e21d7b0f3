package com.propty.history.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import com.propty.history.history.HistoryStore.StateOfTarget;
import com.propty.history.history.TargetState;
import com.propty.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The resend history's store on the MongoDB-wire server, without Spring: a target's state is merged by {@code $max}
 * on its sub-document, so whatever order and however often the request and the results arrive, the stored state is
 * the highest-ranked of them (ties broken by the fields after the rank) — and it reads back field for field.
 */
class MongoHistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-02T06:00:00.123Z");

    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), "history-" + System.nanoTime());
    final MongoHistoryStore history = new MongoHistoryStore(mongo);
    final MongoTargetStore targets = new MongoTargetStore(mongo);

    private static StateOfTarget state(String resendId, TargetState state) {
        return new StateOfTarget(resendId, "n-1", "r-1", "EMAIL", state);
    }

    private TargetState stored(String resendId) {
        return targets.states(resendId, List.of(new Target("r-1", Channel.EMAIL, 2, "a@example.com"))).get("r-1:EMAIL");
    }

    private TargetState afterMerging(String resendId, TargetState... inOrder) {
        for (TargetState state : inOrder) {
            history.mergeStates(List.of(state(resendId, state)));
        }
        return stored(resendId);
    }

    @Test
    void theRequestArrivingAfterItsResultsDoesNotBringTheTargetBackToPending() {
        TargetState failed = TargetState.of(2, DeliveryStatus.FAILED);
        assertThat(afterMerging("rs-late-request", failed, TargetState.requested(2, T0))).isEqualTo(failed);
    }

    @Test
    void aBounceAfterDeliveryIsFailedInEitherOrder() {
        TargetState delivered = TargetState.of(2, DeliveryStatus.DELIVERED);
        TargetState bounced = TargetState.of(2, DeliveryStatus.FAILED);
        assertThat(afterMerging("rs-bounce-last", delivered, bounced)).isEqualTo(bounced);
        assertThat(afterMerging("rs-bounce-first", bounced, delivered)).isEqualTo(bounced);
    }

    @Test
    void anyOrderOfRequestAndResultsLeavesTheLatestStateFieldForField() {
        TargetState inDoubt = new TargetState(TargetState.of(2, DeliveryStatus.FAILED).rank(), DeliveryStatus.FAILED,
                ErrorCode.SEND_IN_DOUBT, null, T0.plusSeconds(9));
        List<TargetState> seen = List.of(TargetState.requested(2, T0),
                new TargetState(TargetState.of(2, DeliveryStatus.SENT).rank(), DeliveryStatus.SENT, null, null, T0),
                new TargetState(TargetState.of(2, DeliveryStatus.FAILED).rank(), DeliveryStatus.FAILED,
                        ErrorCode.BOUNCED, "550", T0.plusSeconds(3)),
                inDoubt);
        Random random = new Random(7);
        for (int run = 0; run < 5; run++) {
            List<TargetState> order = new ArrayList<>(seen);
            Collections.shuffle(order, random);
            order.add(order.get(0)); // and one arrives twice
            String resendId = "rs-" + run;
            // two FAILED of one rank: the error code breaks the tie, the same way in every order
            assertThat(afterMerging(resendId, order.toArray(TargetState[]::new))).as("order %s", order)
                    .isEqualTo(inDoubt);
        }
    }

    @Test
    void theStateDocumentHasEveryFieldRankFirst() {
        assertThat(TargetStateDocuments.toDocument(TargetState.of(2, DeliveryStatus.SENT)).keySet())
                .containsExactly("rank", "status", "errorCode", "providerCode", "at");
    }

    @Test
    void aResendIsKeptOnceAndReadNewestFirstWithItsTargetsStatuses() {
        Requester ann = new Requester("u-1", "Ann");
        List<Target> chunk = List.of(new Target("r-1", Channel.EMAIL, 2, "a@example.com"),
                new Target("r-2", Channel.SMS, 2, "+15145550002"));
        ResendRequested older = ResendRequested.of("rs-old", "n-2", "p-1", ResendScope.FAILED_ONLY, ann, T0, null,
                chunk, 0, 1, ChannelTotals.count(chunk), 2);
        ResendRequested newer = ResendRequested.of("rs-new", "n-2", "p-1", ResendScope.ALL_UNDELIVERED, ann,
                T0.plusSeconds(60), null, chunk.subList(0, 1), 0, 1, ChannelTotals.count(chunk.subList(0, 1)), 1);
        history.keepRequests(List.of(newer, older));
        history.keepRequests(List.of(older)); // replayed
        history.mergeStates(List.of(new StateOfTarget("rs-old", "n-2", "r-1", "EMAIL",
                TargetState.of(2, DeliveryStatus.DELIVERED)), new StateOfTarget("rs-old", "n-2", "r-2", "SMS",
                TargetState.of(2, DeliveryStatus.FAILED))));

        assertThat(history.resendsOf("n-2")).extracting(r -> r.resendId() + " " + r.scope() + " " + r.recipients())
                .containsExactly("rs-new ALL_UNDELIVERED 1", "rs-old FAILED_ONLY 2");
        assertThat(history.statusesOf(List.of("rs-old", "rs-new")))
                .containsOnlyKeys("rs-old").extractingByKey("rs-old", InstanceOfAssertFactories.list(DeliveryStatus.class))
                .containsExactlyInAnyOrder(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
        assertThat(targets.chunk("rs-old", 0)).isEqualTo(chunk);
        assertThat(history.resendsOf("n-other")).isEmpty();
    }
}
