package com.propty.history.store;

import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.history.history.TargetState;
import java.util.Date;
import org.bson.Document;

/**
 * A {@link TargetState} as the sub-document {@code $max} compares: the rank first, then the fields that break ties,
 * every one always present in this order (a missing field would compare differently from a null one).
 */
final class TargetStateDocuments {

    private TargetStateDocuments() {
    }

    static Document toDocument(TargetState state) {
        return new Document("rank", state.rank()).append("status", state.status().name())
                .append("errorCode", state.errorCode() == null ? null : state.errorCode().name())
                .append("providerCode", state.providerCode())
                .append("at", state.at() == null ? null : Date.from(state.at()));
    }

    static TargetState fromDocument(Document state) {
        String errorCode = state.getString("errorCode");
        Date at = state.getDate("at");
        return new TargetState(((Number) state.get("rank")).longValue(), DeliveryStatus.valueOf(state.getString("status")),
                errorCode == null ? null : ErrorCode.valueOf(errorCode), state.getString("providerCode"),
                at == null ? null : at.toInstant());
    }
}
