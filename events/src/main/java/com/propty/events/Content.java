package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The rendered notice, carried once per chunk. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Content(String title, String body, String smsText) {
}
