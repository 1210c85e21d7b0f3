package com.propty.notice.resident.roll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a rent roll in CSV (RFC 4180: commas, double quotes, quoted line breaks, CRLF or LF; a UTF-8 byte-order mark
 * is ignored). Columns are mapped by header, case- and punctuation-insensitive: {@code name}, {@code email},
 * {@code phone}, {@code unit}, and an optional external id ({@code external id}, {@code externalId},
 * {@code tenant id}); other columns are ignored. A file without a {@code name} column is refused.
 */
public final class RentRollCsv {

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("fullname", "name"), Map.entry("resident", "name"),
            Map.entry("email", "email"), Map.entry("emailaddress", "email"), Map.entry("mail", "email"),
            Map.entry("phone", "phone"), Map.entry("phonenumber", "phone"), Map.entry("mobile", "phone"),
            Map.entry("sms", "phone"), Map.entry("unit", "unit"), Map.entry("apartment", "unit"),
            Map.entry("externalid", "externalId"), Map.entry("id", "externalId"), Map.entry("tenantid", "externalId"),
            Map.entry("residentid", "externalId"));

    private RentRollCsv() {
    }

    /** Thrown for a file that cannot be read as a rent roll at all (no header, no name column, broken quoting). */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The rows of a file, and the resident fields its header has columns for. */
    public record Roll(List<RollRow> rows, java.util.Set<String> columns) {
    }

    public static Roll parse(String text, int maxRows) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, maxRows + 1);
        if (records.isEmpty()) {
            throw new Unreadable("the file is empty: it needs a header row with at least a name column");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String field = HEADERS.get(header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
            if (field != null) {
                columns.putIfAbsent(field, i);
            }
        }
        if (!columns.containsKey("name")) {
            throw new Unreadable("no name column in the header (expected name, email, phone, unit, external id)");
        }
        List<RollRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue; // a trailing empty line
            }
            rows.add(new RollRow(r + 1, value(record, columns.get("externalId")), value(record, columns.get("name")),
                    value(record, columns.get("email")), value(record, columns.get("phone")),
                    value(record, columns.get("unit"))));
        }
        return new Roll(rows, java.util.Set.copyOf(columns.keySet()));
    }

    private static String value(List<String> record, Integer column) {
        if (column == null || column >= record.size()) {
            return null;
        }
        String value = record.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    /** The file's records; more than {@code limit} is refused before the rest is read. */
    static List<List<String>> records(String text, int limit) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                if (records.size() > limit) {
                    throw new TooManyRows(limit - 1);
                }
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new Unreadable("a quoted value is not closed");
        }
        if (any || !field.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            if (records.size() > limit) {
                throw new TooManyRows(limit - 1);
            }
        }
        return records;
    }

    /** More rows than one request may carry. */
    public static final class TooManyRows extends RuntimeException {
        private final int max;

        public TooManyRows(int max) {
            super("at most " + max + " rows per request");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }
}
