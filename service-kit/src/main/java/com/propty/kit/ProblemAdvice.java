package com.propty.kit;

import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become problem+json (RFC 9457) with a stable {@code code}. Ordered first so that it,
 * not Boot's own problem-details handler, answers MVC errors such as malformed JSON.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.code(), e.title(), e.getMessage(), e.errors());
        if (e instanceof TooManyRequests limited) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Retry-After", String.valueOf(limited.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", "The request is not valid.",
                errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<ApiProblem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiProblem.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", "The request is not valid.",
                errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return BodyErrors.fieldError(e)
                .map(field -> problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                        "The request is not valid.", List.of(field)))
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                        "The body is not valid JSON of the expected shape.", List.of()));
    }

    /** A query string Tomcat cannot decode (a broken percent-encoding such as {@code %ff}, too many parameters). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableQuery(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                "The query string could not be read: use UTF-8 and valid percent-encoding.", List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            // Names the parameter, never echoes the value (it may be anything a client typed).
            Class<?> type = mismatch.getRequiredType();
            String expected = type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type))
                    ? "must be a whole number" : "has the wrong type";
            return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                    "The request is not valid.", List.of(new ApiProblem.FieldError(mismatch.getName(), expected)));
        }
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                "Send application/json.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed", e.getMessage(),
                List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "No such resource.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Any other refusal Spring MVC classifies itself (406, 400 binding errors…): its status, our shape.
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, status.name(), status.getReasonPhrase(), status.getReasonPhrase() + ".", List.of());
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side.", List.of());
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail,
            List<ApiProblem.FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://propty.example/problems/" + code.toLowerCase().replace('_', '-')));
        body.setTitle(title);
        body.setProperty("code", code);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
