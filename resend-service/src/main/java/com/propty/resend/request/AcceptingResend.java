package com.propty.resend.request;

import com.propty.events.ChannelTotals;
import com.propty.events.QuietHours;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import com.propty.kit.RateLimits;
import com.propty.resend.audit.Audit;
import com.propty.resend.claim.Claims;
import com.propty.resend.idempotency.IdempotencyKeys;
import com.propty.resend.messaging.ResendRequests;
import com.propty.resend.notice.CurrentDeliveries;
import com.propty.resend.policy.Decision;
import com.propty.resend.policy.ResendPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A manager resends a notice's failures: check the request in the order of CONTRACT §3, let the
 * policy pick the targets, claim them, publish {@code ResendRequested} chunks, remember the resend.
 */
@Component
public class AcceptingResend {

    private static final Logger log = LoggerFactory.getLogger(AcceptingResend.class);

    private final CurrentDeliveries deliveries;
    private final Claims claims;
    private final ResendRequests requests;
    private final IdempotencyKeys idempotencyKeys;
    private final ResendRecords records;
    private final JsonMapper json;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final Audit audit;
    private final ResendMeters meters;

    AcceptingResend(CurrentDeliveries deliveries, Claims claims, ResendRequests requests,
            IdempotencyKeys idempotencyKeys, ResendRecords records, JsonMapper json, Clock clock,
            RateLimits rateLimits, Audit audit, ResendMeters meters) {
        this.meters = meters;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.deliveries = deliveries;
        this.claims = claims;
        this.requests = requests;
        this.idempotencyKeys = idempotencyKeys;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** As many ids as a notice may have recipients (notice-service's limit): a longer selection cannot be valid. */
    public static final int MAX_SELECTED = 50_000;

    /**
     * The request as the manager sent it: the scope is a string so that an unknown one is a 400 after the 404 check;
     * {@code fallback} (absent: false) asks for the other channel where one cannot succeed as it stands.
     */
    @com.propty.kit.ClientInput
    public record ResendBody(String scope, List<String> recipientIds, Boolean fallback) {

        public ResendBody(String scope, List<String> recipientIds) {
            this(scope, recipientIds, null);
        }

        boolean withFallback() {
            return Boolean.TRUE.equals(fallback);
        }
    }

    /** Returns the 202 body as JSON: a replayed answer is byte for byte the first one. */
    public String accept(Caller caller, String noticeId, ResendBody body, String idempotencyKey) {
        if (idempotencyKey == null) {
            return json.writeValueAsString(resend(caller, noticeId, body));
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiProblem.validation("Idempotency-Key", "must be 1 to 200 characters");
        }
        String hash = IdempotencyKeys.hash(body.scope(), body.recipientIds(), body.withFallback());
        return idempotencyKeys.once(caller.id(), noticeId, idempotencyKey, hash,
                () -> json.writeValueAsString(resend(caller, noticeId, body)));
    }

    private ResendAccepted resend(Caller caller, String noticeId, ResendBody body) {
        rateLimits.acquire(caller, "resend"); // 429; an idempotent replay returns its answer without counting
        Set<String> selected = body.recipientIds() == null ? Set.of() : new LinkedHashSet<>(body.recipientIds());
        CurrentDeliveries.Snapshot snapshot = deliveries.of(caller, noticeId,
                ResendScope.SELECTED.name().equals(body.scope()) ? selected : Set.of()); // 404, 503
        ResendScope scope = scope(body);
        Decision decision = ResendPolicy.decide(snapshot.deliveries(), scope, selected, body.withFallback());
        if (!decision.accepted()) {
            throw ResendRejected.of(decision);
        }
        String resendId = UUID.randomUUID().toString();
        List<Target> claimed = claims.claim(noticeId, resendId, decision.targets());
        if (claimed.isEmpty()) {
            throw ResendRejected.nothingLeft();
        }
        Requester requester = new Requester(caller.id(), caller.name());
        Instant requestedAt = clock.instant();
        ChannelTotals totals = ChannelTotals.count(claimed);
        int recipients = (int) claimed.stream().map(Target::recipientId).distinct().count();
        publish(noticeId, snapshot, resendId, scope, requester, requestedAt, claimed, totals, recipients);
        records.keep(new ResendRecord(resendId, noticeId, snapshot.notice().propertyId(), requester, requestedAt, scope,
                scope.type(), recipients, totals.email(), totals.sms(), body.withFallback(), decision.counts().skipped(),
                claimed));
        audit.resendRequested(caller, snapshot.notice().propertyId(), noticeId, resendId, scope, recipients, totals);
        meters.accepted(scope, totals);
        log.info("Resend {} of notice {} by {}: {} emails, {} SMS, {} of them by fallback ({} dropped as claimed "
                + "meanwhile)", resendId, noticeId, caller.id(), totals.email(), totals.sms(), totals.fallback(),
                decision.targets().size() - claimed.size());
        QuietHours quietHours = snapshot.notice().quietHours();
        Instant until = quietHours == null ? null : quietHours.holdUntil(requestedAt);
        ResendAccepted.QuietHoursWait wait = until == null || totals.sms() == 0 ? null
                : new ResendAccepted.QuietHoursWait(totals.sms(), until, quietHours.timeZone());
        return new ResendAccepted(resendId, noticeId, scope, scope.type(), recipients, totals.email(), totals.sms(),
                new ResendAccepted.Fallback(totals.fallbackEmail(), totals.fallbackSms()), decision.counts().skipped(),
                wait, ResendAccepted.message(totals.email(), totals.sms(), totals.fallback(), wait));
    }

    private void publish(String noticeId, CurrentDeliveries.Snapshot snapshot, String resendId, ResendScope scope, Requester requester,
            Instant requestedAt, List<Target> targets, ChannelTotals totals, int recipients) {
        List<List<Target>> chunks = new ArrayList<>();
        for (int i = 0; i < targets.size(); i += Topics.CHUNK_SIZE) {
            chunks.add(targets.subList(i, Math.min(targets.size(), i + Topics.CHUNK_SIZE)));
        }
        for (int index = 0; index < chunks.size(); index++) {
            List<Target> chunk = chunks.get(index);
            ResendRequested event = ResendRequested.of(resendId, noticeId, snapshot.notice().propertyId(), scope,
                    requester, requestedAt, snapshot.notice().content(), chunk, index, chunks.size(), totals, recipients,
                    snapshot.notice().quietHours());
            try {
                requests.publish(event, Topics.noticeKey(noticeId));
            } catch (RuntimeException e) {
                // Chunks already on the bus will be sent; the rest are given back so a later resend can take them.
                List<Target> unsent = new ArrayList<>();
                chunks.subList(index, chunks.size()).forEach(unsent::addAll);
                claims.abandon(noticeId, unsent);
                log.error("Could not publish resend {} chunk {}/{}", resendId, index, chunks.size(), e);
                throw new ResendNotStarted(resendId, e);
            }
            claims.published(noticeId, chunk);
        }
    }

    /** 400 checks on the request's shape, after the 404 check (CONTRACT §3 order). */
    private static ResendScope scope(ResendBody body) {
        if (body.scope() == null || body.scope().isBlank()) {
            throw ApiProblem.validation("scope", "is required: FAILED_ONLY, ALL_UNDELIVERED or SELECTED");
        }
        ResendScope scope;
        try {
            scope = ResendScope.valueOf(body.scope());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("scope", "must be FAILED_ONLY, ALL_UNDELIVERED or SELECTED");
        }
        List<String> ids = body.recipientIds();
        if (ids != null && ids.size() > MAX_SELECTED) {
            throw ApiProblem.validation("recipientIds", "must hold at most " + MAX_SELECTED + " ids");
        }
        if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw ApiProblem.validation("recipientIds", "must not contain empty ids");
        }
        if (scope != ResendScope.SELECTED && ids != null && !ids.isEmpty()) {
            throw ApiProblem.validation("recipientIds", "are only allowed with scope SELECTED");
        }
        return scope;
    }
}
