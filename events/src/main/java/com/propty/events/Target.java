package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One recipient's channel to send in one attempt, with the address to use (null: nothing to send to, SKIPPED).
 * {@code fallback}: a resend sends the notice by this channel <em>instead of</em> the recipient's other one, which
 * cannot succeed as it stands (README "Reach them another way"); the channel may then be one the notice was not sent
 * on. Absent in records from before it existed: false.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Target(String recipientId, Channel channel, int attempt, String address, boolean fallback) {

    public Target(String recipientId, Channel channel, int attempt, String address) {
        this(recipientId, channel, attempt, address, false);
    }
}
