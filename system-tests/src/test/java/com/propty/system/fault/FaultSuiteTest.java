package com.propty.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.system.logs.LogScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's fault suite in {@code mvn verify}: the small profile (300 recipients, a 15 s outage, shortened windows)
 * on a platform of its own. {@code scripts/fault-suite.sh} runs the same test with {@code -Dfault.profile=full}.
 */
class FaultSuiteTest {

    @Test
    void everyScenarioEndsExactWithoutDuplicateSendsOrLostResults() {
        List<Row> rows;
        List<LogScan.Finding> personalData;
        try (FaultSuite suite = FaultSuite.start(FaultProfile.fromSystemProperties())) {
            rows = suite.runAll();
            personalData = LogScan.scan(suite.dataDir().resolve("logs"));
        }
        assertThat(rows).hasSize(6);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.exact()).as(row.scenario() + ": final statuses exact — " + row.notes()).isTrue();
            assertThat(row.duplicateSends()).as(row.scenario() + ": duplicate sends").isZero();
            assertThat(row.lostResults()).as(row.scenario() + ": lost results").isZero();
        });
        // every process's log, the store and the broker included, through kills, restarts and an outage
        assertThat(personalData).as("addresses, tokens or secrets in the logs").isEmpty();
    }
}
