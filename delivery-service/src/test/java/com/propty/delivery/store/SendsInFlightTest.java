package com.propty.delivery.store;

import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendLedger;
import static com.propty.testsupport.StoreCommands.on;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.propty.events.Channel;
import com.propty.events.ErrorCode;
import com.propty.testsupport.StoreCommands;
import com.propty.testsupport.StoreCommands.Command;
import com.propty.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger's in-flight entries against the MongoDB-wire server, each test in its own database: the in-doubt query
 * reads those entries and then the sends they name by key, whatever the ledger holds, and the entries a crash or a
 * redelivery leaves behind are recognised from the sends' own state.
 */
class SendsInFlightTest {

    final StoreCommands commands = new StoreCommands();
    MongoClient client;
    MongoTemplate mongo;
    MongoSendLedger ledger;

    @BeforeEach
    void store() {
        client = commands.client(TestInfrastructure.mongo().connectionString());
        mongo = new MongoTemplate(client, "sends-in-flight-" + UUID.randomUUID());
        ledger = new MongoSendLedger(mongo, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void theSweepAmongAThousandSettledSendsReadsTheEntriesThenOnlyTheSendInDoubtByKey() {
        List<Send> sends = sends(1001);
        ledger.claim(sends);
        ledger.record(sends.subList(1, sends.size()).stream().map(s -> s.sent("sendgrid", "m-" + s.recipientId()))
                .toList());
        assertThat(ledger.inFlightEntries()).isEqualTo(1);

        List<Send> inDoubt = new ArrayList<>();
        List<Command> sweep = commands.during(() -> inDoubt.addAll(ledger.inDoubtSince(later(), 1000)));

        assertThat(inDoubt).containsExactly(sends.get(0));
        assertThat(on(SendsInFlight.COLLECTION, sweep)).isNotEmpty();
        assertThat(on("sends", sweep)).singleElement().satisfies(c -> {
            assertThat(c.keyOnly()).isTrue();
            assertThat(c.filter().get("_id")).isEqualTo(new BsonDocument("$in",
                    new BsonArray(List.of(new BsonString(sends.get(0).key())))));
        });
    }

    @Test
    void aSettledInDoubtSendLeavesNoEntry() {
        Send send = sends(1).get(0);
        ledger.claim(List.of(send));
        List<Send> inDoubt = ledger.inDoubtSince(later(), 1000);

        ledger.record(inDoubt.stream().map(s -> s.failed(ErrorCode.SEND_IN_DOUBT, null, "no answer",
                null)).toList());

        assertThat(ledger.inFlightEntries()).isZero();
        assertThat(ledger.inDoubtSince(later(), 1000)).isEmpty();
    }

    @Test
    void anEntryWhoseClaimDiedBeforeItsIntentIsDroppedAndReportsNothing() {
        Send never = sends(1).get(0);
        new SendsInFlight(mongo.getCollection(SendsInFlight.COLLECTION)).add(List.of(never.key()), new Date());

        assertThat(ledger.inDoubtSince(later(), 1000)).isEmpty();
        assertThat(ledger.inFlightEntries()).isZero();
    }

    @Test
    void anEntryWhoseSendWasSettledBeforeACrashIsDroppedAndReportsNothing() {
        Send send = sends(1).get(0);
        ledger.claim(List.of(send));
        // record's ledger write, then the process died before removing the entry
        mongo.getCollection("sends").updateOne(Filters.eq("_id", send.key()), Updates.set("state", MongoSendLedger.SETTLED));

        assertThat(ledger.inDoubtSince(later(), 1000)).isEmpty();
        assertThat(ledger.inFlightEntries()).isZero();
    }

    @Test
    void aSendInFlightWithoutEntryIsEnteredAtStartUpAndFoundInDoubt() {
        Send old = sends(1).get(0);
        mongo.getCollection("sends").insertOne(new Document("_id", old.key()).append("state", MongoSendLedger.IN_FLIGHT)
                .append("noticeId", old.noticeId()).append("recipientId", old.recipientId())
                .append("channel", old.channel().name()).append("attempt", old.attempt())
                .append("attemptId", old.attemptId()).append("address", old.address())
                .append("claimedAt", new Date())); // claimed by a version without the entries
        assertThat(ledger.inDoubtSince(later(), 1000)).isEmpty();

        assertThat(ledger.enterSendsInFlight()).isEqualTo(1);

        // that version kept no tenant with the send: its results carry none
        assertThat(ledger.inDoubtSince(later(), 1000)).containsExactly(new Send(old.attemptId(), null, old.noticeId(),
                old.recipientId(), old.channel(), old.attempt(), old.address()));
    }

    @Test
    void aRedeliveredRequestOfSettledSendsLeavesNoEntries() {
        List<Send> sends = sends(3);
        ledger.claim(sends);
        ledger.record(sends.stream().map(s -> s.sent("twilio", "SM" + s.recipientId())).toList());

        SendLedger.Claim again = ledger.claim(sends);

        assertThat(again.fresh()).isEmpty();
        assertThat(again.knownOutcomes()).hasSize(3);
        assertThat(ledger.inFlightEntries()).isZero();
    }

    @Test
    void aParkedSendLeavesTheSweepAndComesBackWhenItsRetryTakesIt() {
        Send send = sends(1).get(0);
        ledger.claim(List.of(send));
        ledger.park(List.of(send));

        assertThat(ledger.inDoubtSince(later(), 1000)).isEmpty();
        assertThat(ledger.inFlightEntries()).isZero();

        assertThat(ledger.reclaimParked(List.of(send)).fresh()).containsExactly(send);
        assertThat(ledger.inDoubtSince(later(), 1000)).containsExactly(send);
    }

    @Test
    void anEntryOlderThanItsSendsNewClaimMovesToThatClaim() {
        Send send = sends(1).get(0);
        ledger.claim(List.of(send));
        Date claimedAt = mongo.getCollection("sends").find(Filters.eq("_id", send.key())).first().getDate("claimedAt");
        mongo.getCollection(SendsInFlight.COLLECTION).updateOne(Filters.eq("_id", send.key()),
                Updates.set("claimedAt", new Date(0)));

        assertThat(ledger.inDoubtSince(claimedAt.toInstant(), 1000)).isEmpty();

        assertThat(mongo.getCollection(SendsInFlight.COLLECTION).find(Filters.eq("_id", send.key())).first()
                .getDate("claimedAt")).isEqualTo(claimedAt);
        assertThat(ledger.inDoubtSince(later(), 1000)).containsExactly(send);
    }

    private static Instant later() {
        return Instant.now().plusSeconds(1);
    }

    private static List<Send> sends(int count) {
        String attempt = UUID.randomUUID().toString();
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(new Send(attempt, "p1", "n-1", "r-" + i, Channel.EMAIL, 1, "r" + i + "@example.com"));
        }
        return sends;
    }
}
