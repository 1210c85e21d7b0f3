package com.propty.notice.store;

import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.notice.recipient.ChannelState;
import java.util.Date;
import org.bson.Document;

/**
 * A {@link ChannelState} as the sub-document {@code $max} compares: the rank first, so the highest-ranked state wins
 * whatever order the writes come in, then every other field, always present and in this order.
 */
final class ChannelStateDocuments {

    private ChannelStateDocuments() {
    }

    static Document toDocument(ChannelState state) {
        Document doc = new Document("rank", state.rank());
        doc.append("status", state.status().name());
        doc.append("attempt", state.attempt());
        doc.append("address", state.address());
        doc.append("errorCode", state.errorCode() == null ? null : state.errorCode().name());
        doc.append("providerCode", state.providerCode());
        doc.append("errorMessage", state.errorMessage());
        doc.append("updatedAt", state.updatedAt() == null ? null : Date.from(state.updatedAt()));
        return doc;
    }

    static ChannelState from(Document doc) {
        if (doc == null) {
            return null;
        }
        String errorCode = doc.getString("errorCode");
        Date updatedAt = doc.getDate("updatedAt");
        return new ChannelState(((Number) doc.get("rank")).longValue(), DeliveryStatus.valueOf(doc.getString("status")),
                ((Number) doc.get("attempt")).intValue(), doc.getString("address"),
                errorCode == null ? null : ErrorCode.valueOf(errorCode), doc.getString("providerCode"),
                doc.getString("errorMessage"), updatedAt == null ? null : updatedAt.toInstant());
    }
}
