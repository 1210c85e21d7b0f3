package com.propty.notice.web;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.QuietHours;
import com.propty.kit.ApiProblem;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.NoticeStatus;
import com.propty.notice.notice.Notices;
import com.propty.notice.property.PropertySettingsService;
import com.propty.notice.recipient.Recipient;
import com.propty.notice.recipient.Recipients;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.Residents;
import com.propty.notice.version.StateVersions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * What resend-service decides eligibility from: the channel states, with the resident's current contacts, archive
 * flag and opt-outs, of every recipient a resend could target — those with a FAILED or SKIPPED channel, read by
 * their positions ({@code StatusPositions}) so the cost follows the failures, not the audience — and of the
 * recipients asked for by id (a selection, POST {@code {recipientIds}}). Internal (no caller headers; the gateway
 * never routes {@code /internal/**}). Written as a stream, a batch of recipients at a time, for large notices.
 *
 * <p>Every answer carries the {@code version} of what it is made of ({@link StateVersions}, read before the states).
 * A caller that kept an earlier answer sends its version as {@code knownVersion}: while it is still current, the
 * answer leaves out the recipients with a FAILED or SKIPPED channel ({@code complete: false}) and holds only the
 * selection, so the dialog of a large notice costs key lookups, not a read of its failures.
 */
@RestController
class DeliveryStatesController {

    private final Notices notices;
    private final Recipients recipients;
    private final Residents residents;
    private final StateVersions versions;
    private final JsonMapper json;
    private final PropertySettingsService settings;

    DeliveryStatesController(Notices notices, Recipients recipients, Residents residents, StateVersions versions,
            JsonMapper json, PropertySettingsService settings) {
        this.settings = settings;
        this.notices = notices;
        this.recipients = recipients;
        this.residents = residents;
        this.versions = versions;
        this.json = json;
    }

    /**
     * {@code complete}: whether the answer holds every recipient with a FAILED or SKIPPED channel; {@code quietHours}:
     * the SMS quiet hours a resend must respect now, null when none apply ({@code urgent}, or switched off).
     */
    record Header(String noticeId, String propertyId, NoticeStatus status, List<Channel> channels, Content content,
            String version, boolean complete, boolean urgent, QuietHours quietHours) {
    }

    record ChannelDelivery(DeliveryStatus status, int attempt, String address, ErrorCode errorCode) {
    }

    record RecipientStates(String recipientId, String name, String email, String phone, boolean archived,
            Set<Channel> optedOut, Map<Channel, ChannelDelivery> channels) {
    }

    /** A selection to include whatever its recipients' states, and the version of an answer the caller kept. */
    record Selection(List<String> recipientIds, String knownVersion) {
    }

    @GetMapping("/internal/notices/{noticeId}/delivery-states")
    ResponseEntity<StreamingResponseBody> deliveryStates(@PathVariable String noticeId) {
        return deliveryStates(noticeId, new Selection(List.of(), null));
    }

    @PostMapping("/internal/notices/{noticeId}/delivery-states")
    ResponseEntity<StreamingResponseBody> deliveryStates(@PathVariable String noticeId,
            @RequestBody Selection selection) {
        Set<String> selected = new LinkedHashSet<>();
        if (selection != null && selection.recipientIds() != null) {
            selection.recipientIds().stream().filter(id -> id != null && !id.isBlank()).forEach(selected::add);
        }
        Notice notice = notices.find(noticeId);
        if (notice == null) {
            throw ApiProblem.notFound("Notice");
        }
        String version = versions.tag(notice.id(), notice.propertyId(), notice.status().name());
        boolean complete = selection == null || !version.equals(selection.knownVersion());
        Header header = new Header(notice.id(), notice.propertyId(), notice.status(), notice.channels(),
                new Content(notice.title(), notice.body(), notice.effectiveSmsText()), version, complete,
                notice.urgent() != null, notice.urgent() != null ? null : settings.quietHours(notice.propertyId()));
        StreamingResponseBody body = out -> {
            String head = json.writeValueAsString(header);
            out.write(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
            out.write(",\"recipients\":[".getBytes(StandardCharsets.UTF_8));
            boolean[] first = {true};
            Set<String> written = new HashSet<>();
            if (complete) {
                recipients.forEachBatch(new Recipients.Filter(noticeId,
                        EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.SKIPPED), null), 500, batch -> {
                            batch.forEach(r -> written.add(r.recipientId()));
                            write(out, batch, first);
                        });
            }
            List<String> rest = selected.stream().filter(id -> !written.contains(id)).toList();
            for (int from = 0; from < rest.size(); from += 500) {
                write(out, recipients.byIds(noticeId, rest.subList(from, Math.min(rest.size(), from + 500))), first);
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private void write(OutputStream out, List<Recipient> batch, boolean[] first) {
        Map<String, Resident> current = residents.byIds(batch.stream().map(Recipient::recipientId).toList());
        try {
            for (Recipient recipient : batch) {
                Resident resident = current.get(recipient.recipientId());
                Map<Channel, ChannelDelivery> channels = new EnumMap<>(Channel.class);
                recipient.channels().forEach((channel, state) -> channels.put(channel,
                        new ChannelDelivery(state.status(), state.attempt(), state.address(), state.errorCode())));
                RecipientStates states = new RecipientStates(recipient.recipientId(), recipient.name(),
                        resident == null ? null : resident.email(), resident == null ? null : resident.phone(),
                        resident == null || resident.archived(), resident == null ? Set.of() : resident.optedOut(),
                        channels);
                if (!first[0]) {
                    out.write(',');
                }
                first[0] = false;
                out.write(json.writeValueAsBytes(states));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
