package com.propty.notice.resident.roll;

import com.propty.kit.ApiProblem.FieldError;
import com.propty.kit.TextRules;
import com.propty.notice.resident.ResidentRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What importing a rent roll into a property does, decided before anything is written (so a dry run shows exactly what
 * the import will do). A row matches an existing active resident by its external id; else by email, and else by
 * phone, where exactly one resident of the property has it; otherwise it creates one. So importing the same file
 * twice creates nobody twice, and a second import of an edited file updates the residents it names.
 *
 * <p>Only the columns the file has are imported: a file without a phone column leaves every phone as it is, while a
 * blank cell in a phone column clears that resident's phone. Each row is validated like a resident created by hand;
 * an invalid row is rejected with its number and reason and the others still go in. Two rows of one file that would
 * be the same resident are refused after the first. With {@code archiveMissing}, the property's active residents
 * that no row names are archived — but only when no row was rejected, since a rejected row may be one of them.
 */
public record ImportPlan(List<RollRow> creates, List<Change> updates, int unchanged, List<Rejected> rejected,
        List<String> archives) {

    public static final int MAX_EXTERNAL_ID = 100;

    /** An active resident of the property as the plan needs it. */
    public record Existing(String id, String externalId, String name, String email, String phone, String unit) {
    }

    /** The new values of a matched resident (the columns the file does not have keep the resident's own). */
    public record Change(String residentId, int row, String externalId, String name, String email, String phone,
            String unit) {
    }

    public record Rejected(int row, String field, String reason) {
    }

    public static ImportPlan of(List<Existing> existing, List<RollRow> rows, Set<String> columns,
            boolean archiveMissing) {
        Map<String, List<Existing>> byExternalId = index(existing, Existing::externalId);
        Map<String, List<Existing>> byEmail = index(existing, e -> lower(e.email()));
        Map<String, List<Existing>> byPhone = index(existing, Existing::phone);
        Map<String, Integer> matchedBy = new HashMap<>();
        Map<String, Integer> newExternalIds = new HashMap<>();
        Map<String, Integer> newEmails = new HashMap<>();
        List<RollRow> creates = new ArrayList<>();
        List<Change> updates = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int unchanged = 0;
        for (RollRow row : rows) {
            List<FieldError> errors = ResidentRules.check(row.name(), row.email(), row.phone(), row.unit());
            if (row.externalId() != null && row.externalId().length() > MAX_EXTERNAL_ID) {
                errors.add(new FieldError("externalId", "must be at most " + MAX_EXTERNAL_ID + " characters"));
            } else if (TextRules.hasControlCharacter(row.externalId())) {
                // the text rule of every other field: no NUL, CR/LF or other control character in a stored id
                errors.add(new FieldError("externalId", ResidentRules.CONTROL));
            }
            if (!errors.isEmpty()) {
                rejected.add(new Rejected(row.row(), errors.get(0).field(), errors.get(0).message()));
                continue;
            }
            Match match = match(row, byExternalId, byEmail, byPhone);
            if (match.ambiguous() != null) {
                rejected.add(new Rejected(row.row(), match.ambiguous(), "matches several residents of the property;"
                        + " give the row an external id"));
                continue;
            }
            if (match.resident() == null) {
                Integer earlier = row.externalId() != null ? newExternalIds.putIfAbsent(row.externalId(), row.row())
                        : row.email() != null ? newEmails.putIfAbsent(lower(row.email()), row.row()) : null;
                if (earlier != null) {
                    rejected.add(new Rejected(row.row(), row.externalId() != null ? "externalId" : "email",
                            "the same resident as row " + earlier));
                    continue;
                }
                creates.add(row);
                continue;
            }
            Existing resident = match.resident();
            Integer earlier = matchedBy.putIfAbsent(resident.id(), row.row());
            if (earlier != null) {
                rejected.add(new Rejected(row.row(), "row", "the same resident as row " + earlier));
                continue;
            }
            Change change = new Change(resident.id(), row.row(),
                    row.externalId() != null ? row.externalId() : resident.externalId(),
                    columns.contains("name") ? row.name() : resident.name(),
                    columns.contains("email") ? row.email() : resident.email(),
                    columns.contains("phone") ? row.phone() : resident.phone(),
                    columns.contains("unit") ? row.unit() : resident.unit());
            if (same(change, resident)) {
                unchanged++;
            } else {
                updates.add(change);
            }
        }
        List<String> archives = new ArrayList<>();
        if (archiveMissing && rejected.isEmpty()) {
            existing.stream().filter(e -> !matchedBy.containsKey(e.id())).forEach(e -> archives.add(e.id()));
        }
        return new ImportPlan(creates, updates, unchanged, rejected, archives);
    }

    private record Match(Existing resident, String ambiguous) {
    }

    private static Match match(RollRow row, Map<String, List<Existing>> byExternalId,
            Map<String, List<Existing>> byEmail, Map<String, List<Existing>> byPhone) {
        if (row.externalId() != null) {
            List<Existing> same = byExternalId.getOrDefault(row.externalId(), List.of());
            if (same.size() == 1) {
                return new Match(same.get(0), null);
            }
            if (same.size() > 1) {
                return new Match(null, "externalId");
            }
        }
        Match byEmailMatch = unique(row, "email", byEmail.getOrDefault(lower(row.email()), List.of()));
        if (byEmailMatch.resident() != null || byEmailMatch.ambiguous() != null) {
            return byEmailMatch;
        }
        return unique(row, "phone", byPhone.getOrDefault(row.phone(), List.of()));
    }

    /**
     * The one resident among {@code candidates} the row can be; a resident who already has another external id than
     * the row's is someone else, whatever their email or phone.
     */
    private static Match unique(RollRow row, String field, List<Existing> candidates) {
        List<Existing> same = candidates.stream()
                .filter(e -> e.externalId() == null || row.externalId() == null).toList();
        if (same.size() == 1) {
            return new Match(same.get(0), null);
        }
        if (same.size() > 1) {
            return new Match(null, field);
        }
        return new Match(null, null);
    }

    private static boolean same(Change change, Existing resident) {
        return Objects.equals(change.externalId(), resident.externalId()) && Objects.equals(change.name(), resident.name())
                && Objects.equals(change.email(), resident.email()) && Objects.equals(change.phone(), resident.phone())
                && Objects.equals(change.unit(), resident.unit());
    }

    private static Map<String, List<Existing>> index(List<Existing> existing,
            java.util.function.Function<Existing, String> key) {
        Map<String, List<Existing>> index = new HashMap<>();
        for (Existing e : existing) {
            String k = key.apply(e);
            if (k != null) {
                index.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        }
        return index;
    }

    private static String lower(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }
}
