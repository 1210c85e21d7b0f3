package com.propty.notice.resident;

import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import com.propty.notice.version.StateVersions;
import com.propty.notice.resident.roll.ImportPlan;
import com.propty.notice.resident.roll.RentRollCsv;
import com.propty.notice.resident.roll.RollRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Imports a rent roll into a property ({@code POST /api/properties/{id}/residents:import}, CSV or a JSON array, at
 * most {@link #MAX_ROWS} rows per request): decides with {@link ImportPlan}, then writes in bulk — one insert of the
 * new residents, one bulk of updates and archivals by {@code _id}. With {@code dryRun} it only answers what it would do.
 */
@Service
public class ResidentImport {

    public static final int MAX_ROWS = 5_000;
    private static final List<String> FIELDS = List.of("externalId", "name", "email", "phone", "unit");

    private final ResidentStore residents;
    private final Clock clock;
    private final ResidentAudit audit;
    private final StateVersions versions;

    ResidentImport(ResidentStore residents, Clock clock, ResidentAudit audit, StateVersions versions) {
        this.residents = residents;
        this.clock = clock;
        this.audit = audit;
        this.versions = versions;
    }

    /** What an import did (or, with {@code dryRun}, would do). */
    public record Report(boolean dryRun, int rows, int created, int updated, int unchanged, int archived,
            List<ImportPlan.Rejected> rejected) {
    }

    public Report importCsv(Caller caller, String propertyId, String csv, boolean dryRun, boolean archiveMissing) {
        caller.requireProperty(propertyId, "Property");
        RentRollCsv.Roll roll;
        try {
            roll = RentRollCsv.parse(csv == null ? "" : csv, MAX_ROWS);
        } catch (RentRollCsv.TooManyRows e) {
            throw tooManyRows();
        } catch (RentRollCsv.Unreadable e) {
            throw ApiProblem.validation("body", e.getMessage());
        }
        return recorded(caller, propertyId, apply(propertyId, roll.rows(), roll.columns(), dryRun, archiveMissing),
                archiveMissing);
    }

    public Report importJson(Caller caller, String propertyId, JsonNode body, boolean dryRun, boolean archiveMissing) {
        caller.requireProperty(propertyId, "Property");
        if (body == null || !body.isArray()) {
            throw ApiProblem.validation("body", "must be a JSON array of residents (or a CSV file as text/csv)");
        }
        if (body.size() > MAX_ROWS) {
            throw tooManyRows();
        }
        List<RollRow> rows = new ArrayList<>();
        List<ImportPlan.Rejected> malformed = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        int number = 0;
        for (JsonNode element : body) {
            number++;
            if (!element.isObject()) {
                malformed.add(new ImportPlan.Rejected(number, "row", "must be an object"));
                continue;
            }
            String[] values = new String[FIELDS.size()];
            ImportPlan.Rejected wrong = null;
            for (Map.Entry<String, JsonNode> member : element.properties()) {
                int index = FIELDS.indexOf(member.getKey());
                if (index < 0) {
                    wrong = new ImportPlan.Rejected(number, member.getKey(),
                            "is not a resident field (externalId, name, email, phone, unit)");
                    break;
                }
                columns.add(member.getKey());
                JsonNode value = member.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (!value.isString()) {
                    wrong = new ImportPlan.Rejected(number, member.getKey(), "must be a string or null");
                    break;
                }
                values[index] = value.stringValue().isBlank() ? null : value.stringValue().trim();
            }
            if (wrong != null) {
                malformed.add(wrong);
                continue;
            }
            rows.add(new RollRow(number, values[0], values[1], values[2], values[3], values[4]));
        }
        // as for any rejected row, a malformed one may be a resident in the roll: then nobody is archived
        Report report = apply(propertyId, rows, columns, dryRun, archiveMissing && malformed.isEmpty());
        if (malformed.isEmpty()) {
            return recorded(caller, propertyId, report, archiveMissing);
        }
        List<ImportPlan.Rejected> rejected = new ArrayList<>(malformed);
        rejected.addAll(report.rejected());
        rejected.sort(java.util.Comparator.comparingInt(ImportPlan.Rejected::row));
        return recorded(caller, propertyId, new Report(report.dryRun(), body.size(), report.created(),
                report.updated(), report.unchanged(), report.archived(), rejected), archiveMissing);
    }

    /** An import that wrote (not a dry run) is one audit entry, with its counts. */
    private Report recorded(Caller caller, String propertyId, Report report, boolean archiveMissing) {
        if (!report.dryRun()) {
            audit.residentsImported(caller, propertyId, report, archiveMissing);
        }
        return report;
    }

    private Report apply(String propertyId, List<RollRow> rows, Set<String> columns, boolean dryRun,
            boolean archiveMissing) {
        List<ImportPlan.Existing> existing = residents.active(propertyId).stream()
                .map(r -> new ImportPlan.Existing(r.id(), r.externalId(), r.name(), r.email(), r.phone(), r.unit()))
                .toList();
        ImportPlan plan = ImportPlan.of(existing, rows, columns, archiveMissing);
        if (!dryRun) {
            write(propertyId, plan);
        }
        return new Report(dryRun, rows.size(), plan.creates().size(), plan.updates().size(), plan.unchanged(),
                plan.archives().size(), plan.rejected());
    }

    private void write(String propertyId, ImportPlan plan) {
        Instant now = clock.instant();
        if (!plan.creates().isEmpty()) {
            List<Resident> created = plan.creates().stream().map(row -> new Resident(UUID.randomUUID().toString(),
                    propertyId, row.name(), row.email(), row.phone(), row.unit(), false, Set.of(), now, now,
                    row.externalId())).toList();
            residents.insertAll(created);
        }
        if (plan.updates().isEmpty() && plan.archives().isEmpty()) {
            return;
        }
        // contacts and archiving feed the resend dialog's counts: versions move before and after (StateVersions)
        versions.propertiesChanged(List.of(propertyId));
        residents.applyImport(plan.updates(), plan.archives(), now);
        versions.propertiesChanged(List.of(propertyId));
    }

    private static ApiProblem tooManyRows() {
        return ApiProblem.badRequest("TOO_MANY_ROWS", "Too many rows",
                "At most " + MAX_ROWS + " rows per request: import a larger rent roll in several requests.");
    }
}
