package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The user who asked for something. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Requester(String id, String name) {
}
