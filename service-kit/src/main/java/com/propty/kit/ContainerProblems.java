package com.propty.kit;

import java.util.Locale;
import java.util.Map;

/**
 * The problem+json bodies for refusals made by the HTTP server itself, where no Spring converter runs: one fixed
 * body per status, in the shape {@link ProblemAdvice} writes. Never echoes the request (it was not readable).
 */
public final class ContainerProblems {

    private record Text(String code, String title, String detail) {
    }

    private static final Map<Integer, Text> BY_STATUS = Map.of(
            400, new Text("INVALID_REQUEST", "Invalid request", "The request could not be read: check the URL's "
                    + "percent-encoding (no encoded '/', '\\\\' or NUL, UTF-8 only) and the headers."),
            404, new Text("NOT_FOUND", "Not found", "No such resource."),
            405, new Text("METHOD_NOT_ALLOWED", "Method not allowed", "This method is not supported here."),
            413, new Text("PAYLOAD_TOO_LARGE", "Payload too large", "The body is too large."),
            414, new Text("URI_TOO_LONG", "URI too long", "The URL is too long."),
            431, new Text("HEADERS_TOO_LARGE", "Request header fields too large", "The request headers are too large."),
            503, new Text("SERVICE_UNAVAILABLE", "Service unavailable", "Try again shortly."));
    private static final Text OTHER_CLIENT_ERROR = new Text("INVALID_REQUEST", "Invalid request",
            "The request was refused.");
    private static final Text OTHER_SERVER_ERROR = new Text("INTERNAL_ERROR", "Internal error",
            "Something went wrong on our side.");

    private ContainerProblems() {
    }

    public static String json(int status) {
        Text text = BY_STATUS.getOrDefault(status, status < 500 ? OTHER_CLIENT_ERROR : OTHER_SERVER_ERROR);
        return "{\"type\":\"https://propty.example/problems/" + text.code().toLowerCase(Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + text.title() + "\",\"status\":" + status + ",\"detail\":\"" + text.detail()
                + "\",\"code\":\"" + text.code() + "\"}";
    }
}
