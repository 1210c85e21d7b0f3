package com.propty.system.fault;

import java.util.List;

/** One line of the fault suite's table. */
public record Row(String scenario, int targets, boolean exact, int duplicateSends, int lostResults, String notes) {

    public boolean passed() {
        return exact && duplicateSends == 0 && lostResults == 0;
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        String format = "| %-44s | %7s | %-20s | %-15s | %-12s | %s |%n";
        out.append(String.format(format, "scenario", "targets", "final statuses exact", "duplicate sends",
                "lost results", "notes"));
        out.append(String.format(format, "---", "---", "---", "---", "---", "---"));
        for (Row r : rows) {
            out.append(String.format(format, r.scenario, r.targets, r.exact ? "yes" : "no", r.duplicateSends,
                    r.lostResults, r.notes));
        }
        return out.toString();
    }
}
