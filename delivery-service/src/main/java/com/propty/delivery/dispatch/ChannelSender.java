package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.Content;
import java.util.List;

/**
 * Sends one channel's targets through its provider. Never blocks on a provider that is down: what cannot
 * be sent now comes back parked in the {@link SendOutcome}, to be retried by {@link ParkedSendsRetry}.
 */
public interface ChannelSender {

    Channel channel();

    SendOutcome send(Content content, List<Send> sends);
}
