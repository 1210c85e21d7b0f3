package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One recipient's channel to send in one attempt, with the address to use (null: nothing to send to, SKIPPED). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Target(String recipientId, Channel channel, int attempt, String address) {
}
