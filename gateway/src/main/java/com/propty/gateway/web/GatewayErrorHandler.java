package com.propty.gateway.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure that happens in the gateway itself becomes problem+json with a stable {@code code}, never a
 * stack trace. Runs before Boot's default error handler (order -1). Problems returned by the services are
 * not errors here: the gateway passes those responses through untouched.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Headers already went out (e.g. a stream broke midway): nothing sensible can be written any more.
            return Mono.error(error);
        }
        Problem problem = problemFor(error, exchange);
        exchange.getResponse().getHeaders().remove("Content-Length");
        return problem.writeTo(exchange);
    }

    private Problem problemFor(Throwable error, ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (error instanceof BodyTooLargeException tooLarge) {
            return Problem.payloadTooLarge(tooLarge.maxBytes());
        }
        if (error instanceof DataBufferLimitException) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                    "The body is too large.");
        }
        if (error instanceof AuthenticationServiceException) {
            // The token could not be checked at all (e.g. the JWK set is unreachable): not the caller's fault.
            log.warn("Cannot verify bearer tokens: {}", error.getMessage());
            return Problem.serviceUnavailable("Sign-in cannot be verified right now. Try again shortly.");
        }
        if (isDownstreamUnreachable(error)) {
            log.warn("Downstream service unreachable for {}: {}", path, error.toString());
            return Problem.serviceUnavailable("The service behind this path is unavailable. Try again shortly.");
        }
        if (error instanceof ResponseStatusException statusError) {
            return forStatus(statusError.getStatusCode());
        }
        if (error instanceof DecodingException) {
            return new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                    "The body is not valid JSON of the expected shape.");
        }
        log.error("Unexpected failure on {}", path, error);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side.");
    }

    private static Problem forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                    "The request could not be read.");
            case 404 -> Problem.notFound();
            case 405 -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed",
                    "This method is not supported here.");
            case 413 -> new Problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                    "The body is too large.");
            case 415 -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Unsupported media type", "Send application/json.");
            case 503 -> Problem.serviceUnavailable("The service behind this path is unavailable. Try again shortly.");
            case 504 -> new Problem(HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT", "Gateway timeout",
                    "The service behind this path did not answer in time.");
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                String reason = known == null ? "Error" : known.getReasonPhrase();
                // The reason text of an internal exception may describe internals: say only the status.
                yield new Problem(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                        known == null ? "INTERNAL_ERROR" : known.name(), reason, reason + ".");
            }
        };
    }

    /** Connection refused, unknown host, connect timeout: the service is down, which is a 503 and not a 500. */
    private static boolean isDownstreamUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
