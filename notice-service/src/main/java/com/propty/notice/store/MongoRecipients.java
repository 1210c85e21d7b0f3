package com.propty.notice.store;

import com.propty.notice.recipient.ChannelState;
import com.propty.notice.recipient.Recipient;
import com.propty.notice.recipient.RecipientStates;
import com.propty.notice.recipient.Recipients;
import com.propty.notice.recipient.StatusPositions;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import com.propty.notice.notice.ChannelSnapshot;
import com.propty.notice.notice.CombinationCounts;
import com.propty.notice.notice.StateCombination;
import com.propty.notice.resident.Resident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The recipients in MongoDB: {@code recipients}, one document per (notice, resident), keyed {@code
 * noticeId:recipientId}, {@code {noticeId, recipientId, name, sortName, position, firstTargets, channels: {<channel>:
 * state}, deferred: {<channel>: attempt}, heldUntil: {<channel>: time}}} (a state as {@link ChannelStateDocuments}
 * writes it); the audience's order in {@link AudienceIndex} and each status's positions in {@link MongoStatusIndex}.
 * Writes are unordered bulks filtered on {@code _id} only: any other condition makes the embedded store scan.
 */
@Component
public class MongoRecipients implements Recipients {

    public static final String COLLECTION = "recipients";
    private static final int BULK_SIZE = 1000;
    private static final String DEFERRED = "deferred";
    private static final String HELD_UNTIL = "heldUntil";
    private static final String POSITION = "position";

    private final MongoTemplate mongo;
    private final AudienceIndex audience;
    private final MongoStatusIndex statusIndex;

    MongoRecipients(MongoTemplate mongo, AudienceIndex audience, MongoStatusIndex statusIndex) {
        this.mongo = mongo;
        this.audience = audience;
        this.statusIndex = statusIndex;
        // Real MongoDB needs these for the per-notice reads; the embedded server ignores them.
        collection().createIndex(Indexes.ascending("noticeId", "sortName", "_id"), new IndexOptions());
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Stores a notice's whole audience: every resident becomes a recipient at its position in the table order (name,
     * then id), every channel PENDING at attempt 1 with the resident's current address, or SKIPPED (OPTED_OUT) when
     * the resident refused it; then the positions of each status ({@link MongoStatusIndex}) and the audience's order
     * ({@link AudienceIndex}, last: its header means a complete audience). {@code $setOnInsert} makes this safe to
     * repeat after a crash: a recipient already stored keeps its states (read back by key) and takes the position of
     * this run, the order the indexes are written in. Answers how many recipients are in each combination of states
     * as stored, which is the notice's counters' base.
     */
    @Override
    public CombinationCounts storeAudience(String noticeId, List<Channel> channels, List<Resident> residents,
            Instant now) {
        List<Resident> sorted = new ArrayList<>(residents);
        sorted.sort(java.util.Comparator.comparing((Resident r) -> sortName(r.name())).thenComparing(Resident::id));
        CombinationCounts stored = CombinationCounts.empty();
        StatusPositions positions = StatusPositions.empty();
        for (int from = 0; from < sorted.size(); from += BULK_SIZE) {
            List<Resident> part = sorted.subList(from, Math.min(sorted.size(), from + BULK_SIZE));
            List<WriteModel<Document>> writes = new ArrayList<>(part.size());
            List<RecipientStates> initialStates = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                Resident resident = part.get(i);
                Map<Channel, ChannelState> initial = new EnumMap<>(Channel.class);
                Document states = new Document();
                List<Document> firstTargets = new ArrayList<>();
                for (Channel channel : channels) {
                    String address = resident.address(channel);
                    ChannelState state = resident.optedOut().contains(channel)
                            ? ChannelState.skipped(1, address, ErrorCode.OPTED_OUT, now)
                            : ChannelState.pending(1, address, now);
                    initial.put(channel, state);
                    states.append(channel.name(), ChannelStateDocuments.toDocument(state));
                    if (state.status() == DeliveryStatus.PENDING) {
                        firstTargets.add(new Document("channel", channel.name()).append("address", address));
                    }
                }
                initialStates.add(new RecipientStates(noticeId, resident.id(), from + i, initial, Map.of()));
                Document recipient = new Document("noticeId", noticeId).append("recipientId", resident.id())
                        .append("name", resident.name()).append("sortName", sortName(resident.name()))
                        .append("firstTargets", firstTargets).append("channels", states);
                writes.add(new UpdateOneModel<>(eq("_id", Recipient.id(noticeId, resident.id())),
                        new Document("$setOnInsert", recipient).append("$set", new Document(POSITION, from + i)),
                        new UpdateOptions().upsert(true)));
            }
            BulkWriteResult result = collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            Set<Integer> inserted = new HashSet<>();
            result.getUpserts().forEach(u -> inserted.add(u.getIndex()));
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                if (inserted.contains(i)) {
                    RecipientStates recipient = initialStates.get(i);
                    stored.add(recipient.combination(), 1);
                    positions.place(recipient.position(), recipient.statuses());
                } else {
                    existing.add(Recipient.id(noticeId, part.get(i).id()));
                }
            }
            statesOf(existing).values().forEach(r -> {
                stored.add(r.combination(), 1);
                positions.place(r.position(), r.statuses());
            });
        }
        statusIndex.seed(noticeId, positions);
        audience.write(noticeId, sorted.stream().map(r -> new AudienceIndex.Member(r.id(), sortName(r.name())))
                .toList());
        return stored;
    }

    /** A recipient's first-dispatch targets, in table order: the same every time, so chunks can be re-sent. */
    @Override
    public void forEachFirstTargets(String noticeId, Consumer<List<Target>> targets) {
        audience.forEachPage(noticeId, ids -> {
            Map<String, List<Target>> byRecipient = new HashMap<>();
            List<String> keys = ids.stream().map(id -> Recipient.id(noticeId, id)).toList();
            for (Document doc : collection().find(in("_id", keys))
                    .projection(new Document("recipientId", 1).append("firstTargets", 1))) {
                String recipientId = doc.getString("recipientId");
                byRecipient.put(recipientId, doc.getList("firstTargets", Document.class).stream()
                        .map(t -> new Target(recipientId, Channel.valueOf(t.getString("channel")), 1,
                                t.getString("address")))
                        .toList());
            }
            ids.forEach(id -> targets.accept(byRecipient.getOrDefault(id, List.of())));
            return true;
        });
    }

    /** The channel states of these recipients (by document id), read by key; unknown ids are absent. */
    @Override
    public Map<String, RecipientStates> statesOf(Collection<String> ids) {
        Map<String, RecipientStates> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Document fields = new Document("noticeId", 1).append("recipientId", 1).append("channels", 1)
                .append(DEFERRED, 1).append(POSITION, 1);
        for (Document doc : collection().find(in("_id", List.copyOf(ids))).projection(fields)) {
            Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
            Map<Channel, Integer> deferred = new EnumMap<>(Channel.class);
            Document channels = doc.get("channels", Document.class);
            Document deferrals = doc.get(DEFERRED, Document.class);
            for (Channel channel : Channel.values()) {
                ChannelState state = channels == null ? null : ChannelStateDocuments.from(channels.get(channel.name(), Document.class));
                if (state != null) {
                    states.put(channel, state);
                }
                if (deferrals != null && deferrals.get(channel.name()) instanceof Number n) {
                    deferred.put(channel, n.intValue());
                }
            }
            int position = doc.get(POSITION) instanceof Number n ? n.intValue() : -1;
            found.put(doc.getString("_id"), new RecipientStates(doc.getString("noticeId"), doc.getString("recipientId"),
                    position, states, deferred));
        }
        return found;
    }

    /**
     * Writes what changed in these recipients, one update each, in unordered bulks. Each field is merged with
     * {@code $max} (by rank, and the highest deferred attempt), so writing a state again, or after a newer one, changes
     * nothing: a batch redelivered after a crash rewrites exactly what it had not.
     */
    @Override
    public void write(Collection<RecipientStates> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (RecipientStates recipient : changed) {
            Document max = new Document();
            recipient.changedChannels().forEach((channel, state) -> max.append("channels." + channel.name(),
                    ChannelStateDocuments.toDocument(state)));
            recipient.changedDeferrals().forEach((channel, attempt) -> max.append(DEFERRED + "." + channel.name(),
                    attempt));
            recipient.heldUntil().forEach((channel, until) -> max.append(HELD_UNTIL + "." + channel.name(),
                    Date.from(until)));
            if (max.isEmpty()) {
                continue;
            }
            writes.add(new UpdateOneModel<>(eq("_id", Recipient.id(recipient.noticeId(), recipient.recipientId())),
                    new Document("$max", max)));
            if (writes.size() == BULK_SIZE) {
                flush(writes);
            }
        }
        flush(writes);
    }

    /**
     * The recount: one aggregation over a notice's recipients, how many are in each combination of channel states.
     * Never on the hot path (it reads every recipient of the notice, and on the embedded store the whole
     * collection): it seeds the counters of a notice sent before they existed, and tests compare it with them.
     */
    @Override
    public List<StateCombination> combinations(String noticeId) {
        Document group = new Document("_id", new Document("es", "$channels.EMAIL.status")
                .append("ea", "$channels.EMAIL.attempt").append("ed", "$" + DEFERRED + ".EMAIL")
                .append("ss", "$channels.SMS.status").append("sa", "$channels.SMS.attempt")
                .append("sd", "$" + DEFERRED + ".SMS"))
                .append("count", new Document("$sum", 1));
        List<StateCombination> combinations = new ArrayList<>();
        for (Document row : collection().aggregate(List.of(new Document("$match", new Document("noticeId", noticeId)),
                new Document("$group", group)))) {
            Document key = row.get("_id", Document.class);
            combinations.add(new StateCombination(snapshot(key, "es", "ea", "ed"), snapshot(key, "ss", "sa", "sd"),
                    ((Number) row.get("count")).longValue()));
        }
        return combinations;
    }

    private static ChannelSnapshot snapshot(Document key, String status, String attempt, String deferred) {
        String value = key == null ? null : key.getString(status);
        if (value == null) {
            return null;
        }
        Object n = key.get(attempt);
        int at = n == null ? 1 : ((Number) n).intValue();
        return new ChannelSnapshot(DeliveryStatus.valueOf(value), at, deferredAt(key.get(deferred), at));
    }

    /** Whether the stored {@code deferred.<channel>} (the highest deferred attempt, or null) covers this attempt. */
    private static boolean deferredAt(Object deferredAttempt, int attempt) {
        return deferredAttempt instanceof Number n && n.intValue() >= attempt;
    }

    /**
     * A page of the table: unfiltered, the recipients at its positions of the audience's order (a key lookup of one
     * or two index pages, then of the recipients); filtered, the positions the filter selects ({@link
     * StatusPositions}), then the ids at those positions and the recipients, all by key. A notice sent before the
     * positions existed walks its audience in order from the start until the page is full.
     */
    @Override
    public List<Recipient> page(Recipients.Filter filter, int page, int size) {
        if (filter.selectsAll()) {
            return inOrder(filter.noticeId(), audience.idsAt(filter.noticeId(), page * size, page * size + size));
        }
        StatusPositions positions = statusIndex.of(filter.noticeId(), filter.statuses(), filter.channel());
        if (positions != null) {
            BitSet selected = positions.selected(filter.statuses(), filter.channel());
            return inOrder(filter.noticeId(), audience.idsAtPositions(filter.noticeId(),
                    StatusPositions.slice(selected, (long) page * size, size)));
        }
        List<Recipient> selected = new ArrayList<>(size);
        long[] skip = {(long) page * size};
        audience.forEachPage(filter.noticeId(), ids -> {
            for (Recipient recipient : inOrder(filter.noticeId(), ids)) {
                if (filter.matches(recipient)) {
                    if (skip[0] > 0) {
                        skip[0]--;
                    } else {
                        selected.add(recipient);
                        if (selected.size() == size) {
                            return false;
                        }
                    }
                }
            }
            return true;
        });
        return selected;
    }

    /**
     * Every selected recipient in table order, handed over in batches so a large notice never sits in memory; a
     * filtered walk reads only the selected positions (see {@link #page}).
     */
    @Override
    public void forEachBatch(Recipients.Filter filter, int batchSize, Consumer<List<Recipient>> batches) {
        StatusPositions positions = filter.selectsAll() ? null
                : statusIndex.of(filter.noticeId(), filter.statuses(), filter.channel());
        if (positions != null) {
            BitSet selected = positions.selected(filter.statuses(), filter.channel());
            for (int next = 0; ; ) {
                List<Integer> slice = StatusPositions.startingAt(selected, next, batchSize);
                if (slice.isEmpty()) {
                    return;
                }
                batches.accept(inOrder(filter.noticeId(), audience.idsAtPositions(filter.noticeId(), slice)));
                next = slice.get(slice.size() - 1) + 1;
            }
        }
        List<Recipient> batch = new ArrayList<>(batchSize);
        audience.forEachPage(filter.noticeId(), ids -> {
            for (Recipient recipient : inOrder(filter.noticeId(), ids)) {
                if (filter.matches(recipient)) {
                    batch.add(recipient);
                    if (batch.size() == batchSize) {
                        batches.accept(List.copyOf(batch));
                        batch.clear();
                    }
                }
            }
            return true;
        });
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    /** These recipients of a notice, read by key, in the order of the ids given. */
    private List<Recipient> inOrder(String noticeId, List<String> recipientIds) {
        Map<String, Recipient> found = new HashMap<>();
        for (Recipient recipient : byIds(noticeId, recipientIds)) {
            found.put(recipient.recipientId(), recipient);
        }
        List<Recipient> ordered = new ArrayList<>(recipientIds.size());
        for (String id : recipientIds) {
            Recipient recipient = found.get(id);
            if (recipient != null) {
                ordered.add(recipient);
            }
        }
        return ordered;
    }

    @Override
    public List<Recipient> byIds(String noticeId, Collection<String> recipientIds) {
        List<String> ids = recipientIds.stream().map(r -> Recipient.id(noticeId, r)).toList();
        List<Recipient> recipients = new ArrayList<>();
        collection().find(in("_id", ids)).forEach(doc -> recipients.add(toRecipient(doc)));
        return recipients;
    }

    /**
     * A PENDING channel whose attempt was deferred shows why: held until the end of quiet hours (a hold that ends
     * after the attempt began, so a hold of an earlier attempt is never shown on a later one), else a provider
     * outage.
     */
    private static Recipient toRecipient(Document doc) {
        Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
        Map<Channel, Instant> holds = new EnumMap<>(Channel.class);
        Document channels = doc.get("channels", Document.class);
        Document deferred = doc.get(DEFERRED, Document.class);
        Document held = doc.get(HELD_UNTIL, Document.class);
        if (channels != null) {
            for (Channel channel : Channel.values()) {
                ChannelState state = ChannelStateDocuments.from(channels.get(channel.name(), Document.class));
                if (state == null) {
                    continue;
                }
                boolean waiting = state.status() == DeliveryStatus.PENDING
                        && deferredAt(deferred == null ? null : deferred.get(channel.name()), state.attempt());
                Date until = held == null ? null : held.getDate(channel.name());
                if (waiting && until != null && (state.updatedAt() == null || until.toInstant().isAfter(state.updatedAt()))) {
                    holds.put(channel, until.toInstant());
                    states.put(channel, state);
                } else {
                    states.put(channel, waiting ? state.deferred() : state);
                }
            }
        }
        return new Recipient(doc.getString("noticeId"), doc.getString("recipientId"), doc.getString("name"), states,
                holds);
    }

    static String sortName(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private void flush(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection().bulkWrite(new ArrayList<>(writes), new BulkWriteOptions().ordered(false));
            writes.clear();
        }
    }
}
