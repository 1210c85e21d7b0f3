package com.propty.notice.recipient;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.kit.ApiProblem;
import com.propty.kit.Page;
import com.propty.notice.notice.NoticeCounters;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.Residents;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** The recipients table of a notice: filtered, sorted by name then id, joined with residents' current contacts. */
@Component
public class RecipientTable {

    static final int MAX_PAGE_SIZE = 200;

    private final Recipients recipients;
    private final NoticeCounters counters;
    private final Residents residents;

    public RecipientTable(Recipients recipients, NoticeCounters counters, Residents residents) {
        this.recipients = recipients;
        this.counters = counters;
        this.residents = residents;
    }

    /** Parses the table's {@code status} and {@code channel} query parameters; unknown values are a 400. */
    public static Recipients.Filter filter(String noticeId, String status, String channel) {
        Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
        if (status != null && !status.isBlank()) {
            for (String value : status.split(",")) {
                try {
                    statuses.add(DeliveryStatus.valueOf(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.validation("status", "must be among " + Arrays.toString(DeliveryStatus.values()));
                }
            }
        }
        Channel parsedChannel = null;
        if (channel != null && !channel.isBlank()) {
            try {
                parsedChannel = Channel.valueOf(channel.trim());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("channel", "must be EMAIL or SMS");
            }
        }
        return new Recipients.Filter(noticeId, statuses, parsedChannel);
    }

    public Page<RecipientRow> page(Recipients.Filter filter, int page, int size) {
        Page.requireValid(page, size, MAX_PAGE_SIZE);
        // totalItems from the notice's counters (one key lookup); a notice not sent yet has none and no recipients
        NoticeCounters.Counters notice = counters.byId(filter.noticeId());
        long total = notice == null ? 0 : filter.count(notice.total().combinations());
        return Page.of(rows(recipients.page(filter, page, size)), page, size, total);
    }

    public void forEachBatch(Recipients.Filter filter, Consumer<List<RecipientRow>> batches) {
        recipients.forEachBatch(filter, 500, batch -> batches.accept(rows(batch)));
    }

    public List<RecipientRow> rows(String noticeId, Collection<String> recipientIds) {
        return rows(recipients.byIds(noticeId, recipientIds));
    }

    private List<RecipientRow> rows(List<Recipient> batch) {
        Map<String, Resident> current = residents.byIds(batch.stream().map(Recipient::recipientId).toList());
        return batch.stream().map(r -> RecipientRow.of(r, current.get(r.recipientId()))).toList();
    }
}
