package com.propty.kit;

/**
 * The problem+json bodies for refusals made by the HTTP server itself, where no Spring converter runs: one fixed
 * body per status, in the shape {@link ProblemAdvice} writes. Never echoes the request (it was not readable).
 */
public final class ContainerProblems {

    private ContainerProblems() {
    }

    public static String json(int status) {
        String code;
        String title;
        String detail;
        switch (status) {
            case 400 -> {
                code = "INVALID_REQUEST";
                title = "Invalid request";
                detail = "The request could not be read: check the URL's percent-encoding (no encoded '/', '\\\\' "
                        + "or NUL, UTF-8 only) and the headers.";
            }
            case 404 -> {
                code = "NOT_FOUND";
                title = "Not found";
                detail = "No such resource.";
            }
            case 405 -> {
                code = "METHOD_NOT_ALLOWED";
                title = "Method not allowed";
                detail = "This method is not supported here.";
            }
            case 413 -> {
                code = "PAYLOAD_TOO_LARGE";
                title = "Payload too large";
                detail = "The body is too large.";
            }
            case 414 -> {
                code = "URI_TOO_LONG";
                title = "URI too long";
                detail = "The URL is too long.";
            }
            case 431 -> {
                code = "HEADERS_TOO_LARGE";
                title = "Request header fields too large";
                detail = "The request headers are too large.";
            }
            case 503 -> {
                code = "SERVICE_UNAVAILABLE";
                title = "Service unavailable";
                detail = "Try again shortly.";
            }
            default -> {
                boolean client = status < 500;
                code = client ? "INVALID_REQUEST" : "INTERNAL_ERROR";
                title = client ? "Invalid request" : "Internal error";
                detail = client ? "The request was refused." : "Something went wrong on our side.";
            }
        }
        return "{\"type\":\"https://propty.example/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\"}";
    }
}
