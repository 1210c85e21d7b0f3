package com.propty.resend.web;

import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import com.propty.kit.ProblemAdvice;
import com.propty.resend.idempotency.KeyRefused;
import com.propty.resend.options.ResendOptions;
import com.propty.resend.request.AcceptingResend;
import com.propty.resend.request.ResendNotStarted;
import com.propty.resend.request.ResendRejected;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resend dialog's API (CONTRACT §3 "Resends"); the gateway routes these two paths here. */
@RestController
public class ResendController {

    private final ResendOptions options;
    private final AcceptingResend accepting;

    public ResendController(ResendOptions options, AcceptingResend accepting) {
        this.options = options;
        this.accepting = accepting;
    }

    @GetMapping("/api/notices/{noticeId}/resend-options")
    ResendOptions.Options options(Caller caller, @PathVariable String noticeId,
            @RequestParam(required = false) List<String> selected) {
        return options.of(caller, noticeId, selected);
    }

    /** The same as GET, for selections too large for a URL. */
    @PostMapping("/api/notices/{noticeId}/resend-options")
    ResendOptions.Options optionsFor(Caller caller, @PathVariable String noticeId,
            @RequestBody(required = false) Selection selection) {
        return options.of(caller, noticeId, selection == null ? null : selection.recipientIds());
    }

    @PostMapping("/api/notices/{noticeId}/resends")
    ResponseEntity<String> resend(Caller caller, @PathVariable String noticeId,
            @RequestBody AcceptingResend.ResendBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String accepted = accepting.accept(caller, noticeId, body, idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(accepted);
    }

    /** A refused resend as problem+json, its status and words from {@link ResendProblems}. */
    @ExceptionHandler(ResendRejected.class)
    ResponseEntity<ProblemDetail> rejected(ResendRejected rejected) {
        return problem(ResendProblems.of(rejected));
    }

    @ExceptionHandler(KeyRefused.class)
    ResponseEntity<ProblemDetail> keyRefused(KeyRefused refused) {
        return problem(ResendProblems.of(refused));
    }

    @ExceptionHandler(ResendNotStarted.class)
    ResponseEntity<ProblemDetail> notStarted(ResendNotStarted notStarted) {
        return problem(ResendProblems.notStarted());
    }

    private static ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return ProblemAdvice.problem(problem.status(), problem.code(), problem.title(), problem.getMessage(),
                problem.errors());
    }

    @com.propty.kit.ClientInput
    record Selection(List<String> recipientIds) {
    }
}
