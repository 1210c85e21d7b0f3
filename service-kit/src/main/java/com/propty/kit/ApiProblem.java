package com.propty.kit;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as problem+json with a stable {@code code} (CONTRACT §3). Thrown by use
 * cases, which name its kind ({@link #notFound}, {@link #forbidden}, {@link #validation}, {@link #badRequest}, {@link
 * #conflict}, {@link #unavailable}) and never an HTTP status; turned into a response in one place, {@link
 * ProblemAdvice}. A service's own refusals that need words of their own carry a code and are mapped in its {@code web}
 * package (resend-service's {@code ResendProblems}).
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", what + " was not found.");
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** 400 VALIDATION_FAILED naming every field found wrong, so a client can show them all at once. */
    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                "The request is not valid.", errors);
    }

    /** 400 with a code of its own, for a request that is well formed but cannot be taken as it is. */
    public static ApiProblem badRequest(String code, String title, String detail) {
        return badRequest(code, title, detail, List.of());
    }

    /** {@link #badRequest}, naming the fields that make it so. */
    public static ApiProblem badRequest(String code, String title, String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, title, detail, errors);
    }

    /** 403 FORBIDDEN: the caller may see the resource but not do this. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", detail);
    }

    public static ApiProblem conflict(String code, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, title, detail);
    }

    /** 503: something this needs (another service, the bus) does not answer now; trying again later may work. */
    public static ApiProblem unavailable(String code, String title, String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, code, title, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
