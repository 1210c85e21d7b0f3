package com.propty.notice.notice;

/**
 * How many recipients of a notice are in one combination of channel states; a channel the notice
 * does not use is null. A notice's stats and status derive from these rows alone, so one
 * aggregation over its recipients answers everything without loading them.
 */
public record StateCombination(ChannelSnapshot email, ChannelSnapshot sms, long count) {
}
