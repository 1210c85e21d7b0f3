package com.propty.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure the gateway itself reports, as problem+json (RFC 9457) with the same shape and stable {@code code}
 * as the services' problems (see service-kit's ProblemAdvice), so a client handles one format whoever answered.
 */
public record Problem(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Problem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public static Problem unauthenticated(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required", detail);
    }

    public static Problem forbidden() {
        return new Problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden",
                "Only property managers and property administrators may use this API.");
    }

    public static Problem notFound() {
        return new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "No such resource.");
    }

    public static Problem serviceUnavailable(String detail) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "Service unavailable", detail);
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                "The body is larger than " + maxBytes + " bytes.");
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                "The request is not valid.", errors);
    }

    /** The JSON members, in the order RFC 9457 lists them, then the extensions. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://propty.example/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    /** The body as JSON bytes, for writers below Spring (the Netty request guard). */
    public byte[] json() {
        return JSON.writeValueAsBytes(body());
    }

    /** Writes this problem as the whole response; used where no message writers run (filters, handlers). */
    public Mono<Void> writeTo(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json();
        headers.setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
