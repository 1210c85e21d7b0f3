package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.QuietHours;
import com.propty.events.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sends of several request chunks, grouped by what one provider request may share: the same attempt (a dispatch
 * or a resend, hence the same rendered content) and the same channel. Emails first in chunk order, then SMS; a target
 * without an address is a SKIPPED NO_ADDRESS result instead. A target repeated in the chunks (a redelivery within one
 * poll) is kept once: the ledger would refuse the second claim anyway. A group of SMS also shares its chunks' quiet
 * hours (one window: chunks of one attempt carry the same; chunks that differ make separate groups); a group of emails
 * has none ({@link QuietHold}: an email is never held).
 */
final class SendGroups {

    record Group(String attemptId, Channel channel, Content content, QuietHours quietHours, List<Send> sends) {
    }

    private record Key(String attemptId, Channel channel, Content content, QuietHours quietHours) {
    }

    private SendGroups() {
    }

    static List<Group> of(List<SendRequest> requests, List<DeliveryResult> skipped) {
        Map<Key, Map<String, Send>> grouped = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            for (SendRequest request : requests) {
                for (Target target : request.targets()) {
                    if (target.channel() != channel) {
                        continue;
                    }
                    Send send = request.send(target);
                    if (target.address() == null || target.address().isBlank()) {
                        skipped.add(send.result(DeliveryStatus.SKIPPED, ErrorCode.NO_ADDRESS, null,
                                "No " + channel.name().toLowerCase() + " address", null, null));
                    } else {
                        grouped.computeIfAbsent(new Key(request.attemptId(), channel, request.content(),
                                        QuietHold.of(channel, request.quietHours())),
                                k -> new LinkedHashMap<>()).putIfAbsent(send.key(), send);
                    }
                }
            }
        }
        List<Group> groups = new ArrayList<>(grouped.size());
        grouped.forEach((key, sends) -> groups.add(new Group(key.attemptId(), key.channel(), key.content(),
                key.quietHours(), List.copyOf(sends.values()))));
        return groups;
    }
}
