package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.notice.resident.Resident;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A row of a notice's recipients table (CONTRACT §3): the resident's current email and phone (what
 * a manager fixes), and per channel the address the last attempt used.
 */
public record RecipientRow(String recipientId, String name, String email, String phone,
        Map<Channel, ChannelView> channels) {

    public record ChannelView(DeliveryStatus status, int attempt, String address, LastError lastError,
            Instant updatedAt) {
    }

    public record LastError(ErrorCode code, String providerCode, String message) {
    }

    static RecipientRow of(Recipient recipient, Resident resident) {
        Map<Channel, ChannelView> channels = new EnumMap<>(Channel.class);
        recipient.channels().forEach((channel, state) -> channels.put(channel, new ChannelView(state.status(),
                state.attempt(), state.address(),
                state.errorCode() == null ? null
                        : new LastError(state.errorCode(), state.providerCode(), state.errorMessage()),
                state.updatedAt())));
        return new RecipientRow(recipient.recipientId(), recipient.name(), resident == null ? null : resident.email(),
                resident == null ? null : resident.phone(), channels);
    }
}
