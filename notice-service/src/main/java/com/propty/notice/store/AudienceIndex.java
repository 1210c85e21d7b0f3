package com.propty.notice.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each sent notice's audience in table order (name, then id), fixed at dispatch: pages of {@value #PAGE} recipient
 * ids keyed {@code noticeId:page} in {@code notice_audience}, and a header keyed {@code noticeId} with the size.
 * With it every read of a notice's recipients is a key lookup: a table page is the ids at its positions, then those
 * recipients by id; an export, a filtered page or the dispatch's publishing walk the pages in order. Nothing reads
 * the recipients collection by anything but {@code _id}, so the cost of a read does not grow with the history of
 * notices sent.
 */
@Component
public class AudienceIndex {

    public static final String COLLECTION = "notice_audience";
    static final int PAGE = 1000;

    /** A recipient as the index orders it. */
    public record Member(String recipientId, String sortName) {
    }

    public static final Comparator<Member> TABLE_ORDER = Comparator.comparing(Member::sortName)
            .thenComparing(Member::recipientId);

    private final MongoTemplate mongo;

    public AudienceIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Fixes a notice's audience order. The pages are written before the header, so a header means a complete index;
     * writing it again (a resumed dispatch) replaces it with the same pages.
     */
    public void write(String noticeId, List<Member> audience) {
        List<Member> sorted = new ArrayList<>(audience);
        sorted.sort(TABLE_ORDER);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int from = 0, page = 0; from < sorted.size(); from += PAGE, page++) {
            List<String> ids = sorted.subList(from, Math.min(sorted.size(), from + PAGE)).stream()
                    .map(Member::recipientId).toList();
            writes.add(new ReplaceOneModel<>(eq("_id", pageId(noticeId, page)),
                    new Document("_id", pageId(noticeId, page)).append("ids", ids), new ReplaceOptions().upsert(true)));
            if (writes.size() == 50) {
                collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        collection().replaceOne(eq("_id", noticeId), new Document("_id", noticeId).append("size", sorted.size()),
                new ReplaceOptions().upsert(true));
    }

    /** The audience's size, building the index first for a notice sent before it existed. */
    public int size(String noticeId) {
        Document header = collection().find(eq("_id", noticeId)).first();
        if (header == null) {
            return rebuild(noticeId);
        }
        return header.getInteger("size");
    }

    /** The recipient ids at positions {@code [from, to)} of the table order. */
    public List<String> idsAt(String noticeId, int from, int to) {
        int end = Math.min(to, size(noticeId));
        List<Integer> positions = new ArrayList<>(Math.max(0, end - from));
        for (int position = from; position < end; position++) {
            positions.add(position);
        }
        return idsAtPositions(noticeId, positions);
    }

    /** The recipient ids at these positions of the table order (ascending), reading each index page they need once. */
    public List<String> idsAtPositions(String noticeId, List<Integer> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<String> pageIds = positions.stream().map(p -> pageId(noticeId, p / PAGE)).distinct().toList();
        Map<Integer, List<String>> pages = new TreeMap<>();
        for (Document doc : collection().find(in("_id", pageIds))) {
            String id = doc.getString("_id");
            pages.put(Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)), doc.getList("ids", String.class));
        }
        List<String> ids = new ArrayList<>(positions.size());
        for (int position : positions) {
            List<String> page = pages.get(position / PAGE);
            if (page != null && position % PAGE < page.size()) {
                ids.add(page.get(position % PAGE));
            }
        }
        return ids;
    }

    /** Every recipient id of the notice in table order, a page at a time; stops when {@code pages} answers false. */
    public void forEachPage(String noticeId, Predicate<List<String>> pages) {
        int size = size(noticeId);
        for (int page = 0; page * PAGE < size; page++) {
            Document doc = collection().find(eq("_id", pageId(noticeId, page))).first();
            if (doc != null && !pages.test(doc.getList("ids", String.class))) {
                return;
            }
        }
    }

    /**
     * The index of a notice dispatched before it existed, built once from its recipients (one query by notice: on
     * the embedded store a scan, which is why it is done once and kept).
     */
    private int rebuild(String noticeId) {
        List<Member> audience = new ArrayList<>();
        mongo.getCollection(MongoRecipients.COLLECTION).find(eq("noticeId", noticeId))
                .projection(new Document("recipientId", 1).append("sortName", 1))
                .sort(Sorts.ascending("sortName", "_id"))
                .forEach(doc -> audience.add(new Member(doc.getString("recipientId"),
                        doc.getString("sortName") == null ? "" : doc.getString("sortName"))));
        write(noticeId, audience); // even empty, so a notice with no recipients is not scanned again
        return audience.size();
    }

    static String pageId(String noticeId, int page) {
        return noticeId + ":" + page;
    }
}
