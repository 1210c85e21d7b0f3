package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;

/**
 * One target of one attempt as the providers see it: who, on which channel, at which address; {@code propertyId} is
 * the tenant its results carry (null only for sends made before it was kept).
 */
public record Send(String attemptId, String propertyId, String noticeId, String recipientId, Channel channel,
        int attempt, String address) {

    /** The send ledger's key: at most one provider call per attempt, recipient and channel (CONTRACT §5). */
    public String key() {
        return key(attemptId, recipientId, channel);
    }

    public static String key(String attemptId, String recipientId, Channel channel) {
        return attemptId + ":" + recipientId + ":" + channel;
    }

    public DeliveryResult sent(String provider, String providerMessageId) {
        return result(DeliveryStatus.SENT, null, null, null, provider, providerMessageId);
    }

    public DeliveryResult failed(ErrorCode errorCode, String providerCode, String message, String provider) {
        return result(DeliveryStatus.FAILED, errorCode, providerCode, message, provider, null);
    }

    public DeliveryResult result(DeliveryStatus status, ErrorCode errorCode, String providerCode, String message,
            String provider, String providerMessageId) {
        return DeliveryResult.of(propertyId, noticeId, recipientId, channel, attempt, attemptId, status, errorCode, providerCode,
                message, provider, providerMessageId, address);
    }
}
