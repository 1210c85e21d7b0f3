package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryHeld;
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

    /** {@code deferral}: why a PENDING channel waits, null when it does not (README "Never at night"). */
    public record ChannelView(DeliveryStatus status, int attempt, String address, LastError lastError,
            Instant updatedAt, Deferral deferral) {
    }

    /** {@code reason} QUIET_HOURS (until their end) or PROVIDER_UNAVAILABLE (until the provider is back: null). */
    public record Deferral(String reason, Instant until) {
    }

    public record LastError(ErrorCode code, String providerCode, String message) {
    }

    static RecipientRow of(Recipient recipient, Resident resident) {
        Map<Channel, ChannelView> channels = new EnumMap<>(Channel.class);
        recipient.channels().forEach((channel, state) -> {
            Instant heldUntil = recipient.holds().get(channel);
            Deferral deferral = heldUntil != null ? new Deferral(DeliveryHeld.QUIET_HOURS, heldUntil)
                    : state.status() == DeliveryStatus.PENDING && state.errorCode() == ErrorCode.PROVIDER_UNAVAILABLE
                            ? new Deferral(ErrorCode.PROVIDER_UNAVAILABLE.name(), null) : null;
            channels.put(channel, new ChannelView(state.status(), state.attempt(), state.address(),
                    state.errorCode() == null ? null
                            : new LastError(state.errorCode(), state.providerCode(), state.errorMessage()),
                    state.updatedAt(), deferral));
        });
        return new RecipientRow(recipient.recipientId(), recipient.name(), resident == null ? null : resident.email(),
                resident == null ? null : resident.phone(), channels);
    }
}
