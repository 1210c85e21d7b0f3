package com.propty.notice.notice;

import static com.propty.testsupport.StoreCommands.on;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.propty.events.Channel;
import com.propty.events.Requester;
import com.propty.notice.store.MongoDispatchesUnderWay;
import com.propty.notice.store.MongoNoticeStore;
import com.propty.notice.store.MongoSendSchedule;
import com.propty.testsupport.MutableClock;
import com.propty.testsupport.StoreCommands.Command;
import com.propty.testsupport.StoreCommands;
import com.propty.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The scheduler's two jobs against the MongoDB-wire server, each test in its own database: what they read (the
 * commands they send, recorded on the test's thread) and what they do with entries a crash or a race left behind.
 * Sending and resuming are recorded instead of run, so only the queues and the notices are exercised here.
 */
class WorkQueuesTest {

    static final Duration LEASE = Duration.ofMinutes(2);

    final StoreCommands commands = new StoreCommands();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> resumed = new CopyOnWriteArrayList<>();
    MongoClient client;
    MongoTemplate mongo;
    MongoSendSchedule schedule;
    MongoDispatchesUnderWay underWay;
    NoticeDispatch dispatch;
    ScheduledSending sending;

    @BeforeEach
    void store() {
        client = commands.client(TestInfrastructure.mongo().connectionString());
        mongo = new MongoTemplate(client, "work-queues-" + UUID.randomUUID());
        schedule = new MongoSendSchedule(mongo);
        underWay = new MongoDispatchesUnderWay(mongo);
        dispatch = new NoticeDispatch(new MongoNoticeStore(mongo), null, null, null, null, null,
                new DispatchProperties(500, LEASE.toMillis()), clock, schedule, underWay, null) {
            @Override
            public void runInBackground(Notice notice) {
                started.add(notice.id());
            }

            @Override
            public void run(Notice notice) {
                resumed.add(notice.id());
            }
        };
        sending = new ScheduledSending(dispatch, schedule, underWay, new MongoNoticeStore(mongo), clock);
    }

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aPollAmongAThousandSentNoticesReadsTheQueueThenOnlyTheDueNoticeByKey() {
        mongo.insert(sentNotices(1000), MongoNoticeStore.COLLECTION);
        Notice due = insert(notice(NoticeStatus.SCHEDULED, now().plus(Duration.ofHours(1)), null));
        schedule.add(due.id(), due.scheduledAt());
        assertThat(schedule.size()).isEqualTo(1);

        List<Command> idle = commands.during(sending::sendDueNotices);
        assertThat(on("notices", idle)).isEmpty();
        assertThat(on(MongoSendSchedule.COLLECTION, idle)).hasSize(1);

        clock.advance(Duration.ofHours(1));
        List<Command> poll = commands.during(sending::sendDueNotices);
        assertThat(on("notices", poll)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.filter().get("_id")).isEqualTo(new BsonString(due.id())));
        // the one read that is not a bare key lookup is the conditional take, which keeps a notice from going twice
        assertThat(on("notices", poll).stream().filter(c -> !c.keyOnly()).map(Command::name))
                .containsExactly("findAndModify");
        assertThat(started).containsExactly(due.id());
        assertThat(status(due)).isEqualTo(NoticeStatus.SENDING);
        assertThat(schedule.size()).isZero();
        assertThat(underWay.size()).isEqualTo(1);
    }

    @Test
    void theRecoveryJobAmongAThousandFinishedDispatchesReadsTheQueueThenOnlyTheAbandonedNoticeByKey() {
        mongo.insert(sentNotices(1000), MongoNoticeStore.COLLECTION);
        Notice abandoned = dispatch.beginNow(insert(notice(NoticeStatus.DRAFT, null, null)).id());

        List<Command> leaseRunning = commands.during(sending::resumeAbandonedDispatches);
        assertThat(on("notices", leaseRunning)).isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        List<Command> run = commands.during(sending::resumeAbandonedDispatches);
        assertThat(on("notices", run)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.filter().get("_id")).isEqualTo(new BsonString(abandoned.id())));
        assertThat(on("notices", run).stream().filter(c -> !c.keyOnly()).map(Command::name))
                .containsExactly("findAndModify");
        assertThat(resumed).containsExactly(abandoned.id());
        // the new lease is on the notice and on its entry: nobody looks at it again before it ends
        Instant newLease = mongo.findById(abandoned.id(), Notice.class, MongoNoticeStore.COLLECTION).dispatch().leaseUntil();
        assertThat(newLease).isEqualTo(now().plus(LEASE).truncatedTo(ChronoUnit.MILLIS));
        assertThat(underWay.leaseEndedBefore(newLease, 10)).isEmpty();
        assertThat(underWay.leaseEndedBefore(newLease.plusMillis(1), 10)).hasSize(1);
    }

    @Test
    void anEntryLeftByAScheduleRequestThatDiedBeforeItsNoticeWriteIsDroppedAndSendsNothing() {
        Notice draft = insert(notice(NoticeStatus.DRAFT, null, null));
        schedule.add(draft.id(), now().plusSeconds(60)); // the write before the notice's, then the process died
        clock.advance(Duration.ofSeconds(60));

        sending.sendDueNotices();

        assertThat(started).isEmpty();
        assertThat(status(draft)).isEqualTo(NoticeStatus.DRAFT);
        assertThat(schedule.size()).isZero();
    }

    @Test
    void aScheduledNoticeWithoutEntryIsQueuedAtStartUpAndSentWhenDue() {
        Notice orphan = insert(notice(NoticeStatus.SCHEDULED, now().plusSeconds(60), null)); // scheduled before the queue
        clock.advance(Duration.ofSeconds(60));
        sending.sendDueNotices();
        assertThat(started).isEmpty(); // the poll reads only the queue

        sending.enqueueExisting();
        sending.sendDueNotices();

        assertThat(started).containsExactly(orphan.id());
        assertThat(schedule.size()).isZero();
    }

    @Test
    void theEntryOfANoticeSentMeanwhileIsDroppedAndSendsNothing() {
        Notice sent = insert(notice(NoticeStatus.SENT, now(), new Notice.Dispatch("d", true, 1, 0, true,
                now(), now())));
        schedule.add(sent.id(), now()); // sent by hand, and the process died before it removed the entry

        sending.sendDueNotices();

        assertThat(started).isEmpty();
        assertThat(schedule.size()).isZero();
    }

    @Test
    void aCancelledNoticesEntryComesDueAtOnceAndIsDropped() {
        Notice cancelled = insert(notice(NoticeStatus.DRAFT, null, null));
        schedule.add(cancelled.id(), now().plus(Duration.ofDays(7)));
        schedule.lookNow(cancelled.id(), now());

        sending.sendDueNotices();

        assertThat(schedule.size()).isZero();
        assertThat(started).isEmpty();
    }

    @Test
    void anEntryEarlierThanItsRescheduledNoticeMovesToTheNoticesTimeAndSendsThen() {
        Instant later = now().plus(Duration.ofHours(2));
        Notice rescheduled = insert(notice(NoticeStatus.SCHEDULED, later, null));
        schedule.add(rescheduled.id(), now().plusSeconds(60)); // the first schedule; the second's later time lost to $min
        schedule.add(rescheduled.id(), later);
        clock.advance(Duration.ofSeconds(60));

        sending.sendDueNotices();
        assertThat(started).isEmpty();
        assertThat(schedule.dueBy(later.minusMillis(1), 10)).isEmpty();

        clock.advance(Duration.between(now(), later));
        sending.sendDueNotices();
        assertThat(started).containsExactly(rescheduled.id());
    }

    @Test
    void twoInstancesPollingTheSameQueueSendEachNoticeOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Notice notice = insert(notice(NoticeStatus.SCHEDULED, now(), null));
            schedule.add(notice.id(), now());
            ids.add(notice.id());
        }
        ScheduledSending other = new ScheduledSending(dispatch, schedule, new MongoDispatchesUnderWay(mongo),
                new MongoNoticeStore(mongo), clock);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> polls = new ArrayList<>();
            for (ScheduledSending poller : List.of(sending, other)) {
                polls.add(pollers.submit(() -> {
                    together.await();
                    poller.sendDueNotices();
                    return null;
                }));
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            pollers.shutdownNow();
        }
        assertThat(started).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(schedule.size()).isZero();
    }

    @Test
    void aSendThatDiedBeforeItsNoticeTurnedSendingLeavesAnEntryDroppedOnceItsLeaseEnds() {
        Notice draft = insert(notice(NoticeStatus.DRAFT, null, null));
        underWay.hold(draft.id(), now().plus(LEASE)); // begin's first write, then the process died
        clock.advance(LEASE.plusMillis(1));

        sending.resumeAbandonedDispatches();

        assertThat(resumed).isEmpty();
        assertThat(status(draft)).isEqualTo(NoticeStatus.DRAFT);
        assertThat(underWay.size()).isZero();
    }

    @Test
    void anInterruptedDispatchWithoutEntryIsQueuedAtStartUpAndResumed() {
        Notice interrupted = insert(notice(NoticeStatus.SENDING, null, new Notice.Dispatch("d", false, 0, 0, false,
                now().minusSeconds(1), now().minus(LEASE)))); // begun before the queue existed
        sending.resumeAbandonedDispatches();
        assertThat(resumed).isEmpty();

        sending.enqueueExisting();
        sending.resumeAbandonedDispatches();

        assertThat(resumed).containsExactly(interrupted.id());
    }

    @Test
    void theEntryOfADispatchFinishedBeforeACrashIsDroppedAndNothingRuns() {
        Notice finished = insert(notice(NoticeStatus.SENT, null, new Notice.Dispatch("d", true, 1, 0, true,
                now().minusSeconds(1), now().minus(LEASE))));
        underWay.hold(finished.id(), now().minusSeconds(1)); // dispatched, then the process died before removing it

        sending.resumeAbandonedDispatches();

        assertThat(resumed).isEmpty();
        assertThat(underWay.size()).isZero();
    }

    @Test
    void anEntryBehindTheLeaseAnotherInstanceTookWaitsForThatLease() {
        Instant theirs = now().plusSeconds(90);
        Notice taken = insert(notice(NoticeStatus.SENDING, null, new Notice.Dispatch("d", false, 0, 0, false, theirs,
                now().minus(LEASE))));
        underWay.hold(taken.id(), now().minusSeconds(1)); // they took the lease and have not moved the entry yet

        sending.resumeAbandonedDispatches();

        assertThat(resumed).isEmpty();
        assertThat(underWay.leaseEndedBefore(theirs, 10)).isEmpty();
        assertThat(underWay.size()).isEqualTo(1);
    }

    @Test
    void sendingANoticeRemovesItsScheduleEntryAndHoldsItsDispatch() {
        Notice scheduled = insert(notice(NoticeStatus.SCHEDULED, now().plusSeconds(600), null));
        schedule.add(scheduled.id(), scheduled.scheduledAt());

        dispatch.beginNow(scheduled.id());

        assertThat(schedule.size()).isZero();
        assertThat(underWay.leaseEndedBefore(now().plus(LEASE).plusMillis(1), 10))
                .extracting(DispatchesUnderWay.Entry::noticeId).containsExactly(scheduled.id());
    }

    private Instant now() {
        return clock.instant();
    }

    private Notice insert(Notice notice) {
        return mongo.insert(notice, MongoNoticeStore.COLLECTION);
    }

    private NoticeStatus status(Notice notice) {
        return mongo.findById(notice.id(), Notice.class, MongoNoticeStore.COLLECTION).status();
    }

    private List<Notice> sentNotices(int count) {
        List<Notice> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(notice(NoticeStatus.SENT, null, new Notice.Dispatch("d-" + i, true, 1, 0, true,
                    now().minus(Duration.ofDays(1)), now().minus(Duration.ofDays(1)))));
        }
        return sent;
    }

    private Notice notice(NoticeStatus status, Instant scheduledAt, Notice.Dispatch dispatch) {
        return new Notice(UUID.randomUUID().toString(), "p-1", "Title", "Body", null, List.of(Channel.EMAIL), null,
                status, new Requester("u-1", "User"), now(), now(), scheduledAt, null, false, DeliveryStats.NONE,
                dispatch, null);
    }
}
