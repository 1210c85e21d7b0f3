package com.propty.notice.resident.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    static final Set<String> ALL = Set.of("externalId", "name", "email", "phone", "unit");
    static final ImportPlan.Existing ANN = new ImportPlan.Existing("id-ann", null, "Ann Lee", "ann@example.com",
            "+15145550001", "4B");
    static final ImportPlan.Existing BOB = new ImportPlan.Existing("id-bob", "T-2", "Bob Roy", "bob@example.com", null,
            "5");

    @Test
    void matchesByExternalIdThenUniqueEmailThenUniquePhoneAndCreatesTheRest() {
        ImportPlan plan = ImportPlan.of(List.of(ANN, BOB), List.of(
                new RollRow(2, "T-2", "Bob Roy", "bob@example.com", null, "5"),          // unchanged
                new RollRow(3, "T-1", "Ann Lee", "ANN@example.com", "+15145550001", "4C"), // by email: moved
                new RollRow(4, null, "Cy Doe", "cy@example.com", null, "7")), ALL, false); // new
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.updates()).containsExactly(
                new ImportPlan.Change("id-ann", 3, "T-1", "Ann Lee", "ANN@example.com", "+15145550001", "4C"));
        assertThat(plan.creates()).extracting(RollRow::name).containsExactly("Cy Doe");
        assertThat(plan.rejected()).isEmpty();
    }

    @Test
    void importingTheSameRollTwiceCreatesNobodyTwice() {
        RollRow cy = new RollRow(2, null, "Cy Doe", "cy@example.com", null, null);
        RollRow dee = new RollRow(3, null, "Dee", null, "+15145550009", null);
        assertThat(ImportPlan.of(List.of(), List.of(cy, dee), ALL, false).creates()).hasSize(2);
        List<ImportPlan.Existing> after = List.of(
                new ImportPlan.Existing("id-cy", null, "Cy Doe", "cy@example.com", null, null),
                new ImportPlan.Existing("id-dee", null, "Dee", null, "+15145550009", null));
        ImportPlan again = ImportPlan.of(after, List.of(cy, dee), ALL, false);
        assertThat(again.creates()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(2);
    }

    @Test
    void invalidRowsAreRejectedWithTheirNumberAndTheOthersGoIn() {
        ImportPlan plan = ImportPlan.of(List.of(), List.of(
                new RollRow(2, null, "Ok", "ok@example.com", null, null),
                new RollRow(3, null, "Bad mail", "not-an-email", null, null),
                new RollRow(4, null, null, "noname@example.com", null, null),
                new RollRow(5, null, "Bad phone", null, "514-555", null)), ALL, false);
        assertThat(plan.creates()).hasSize(1);
        assertThat(plan.rejected()).extracting(ImportPlan.Rejected::row, ImportPlan.Rejected::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "email"),
                        org.assertj.core.groups.Tuple.tuple(4, "name"),
                        org.assertj.core.groups.Tuple.tuple(5, "phone"));
    }

    @Test
    void twoRowsForOneResidentAreRefusedAfterTheFirst() {
        ImportPlan plan = ImportPlan.of(List.of(ANN), List.of(
                new RollRow(2, null, "Ann Lee", "ann@example.com", null, null),
                new RollRow(3, null, "Ann L.", "ann@example.com", null, null),
                new RollRow(4, "N-1", "New", "new@example.com", null, null),
                new RollRow(5, "N-1", "New again", "other@example.com", null, null)), Set.of("name", "email"), false);
        assertThat(plan.rejected()).extracting(ImportPlan.Rejected::row).containsExactly(3, 5);
        assertThat(plan.rejected().get(0).reason()).contains("row 2");
    }

    @Test
    void anEmailSharedByTwoResidentsIsAmbiguousWithoutAnExternalId() {
        ImportPlan.Existing twin = new ImportPlan.Existing("id-twin", null, "Twin", "ann@example.com", null, null);
        ImportPlan plan = ImportPlan.of(List.of(ANN, twin),
                List.of(new RollRow(2, null, "Ann", "ann@example.com", null, null)), ALL, false);
        assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("email"));
    }

    @Test
    void aResidentWithAnotherExternalIdIsSomeoneElseEvenWithTheSameEmail() {
        ImportPlan plan = ImportPlan.of(List.of(BOB),
                List.of(new RollRow(2, "T-9", "Bob's son", "bob@example.com", null, null)), ALL, false);
        assertThat(plan.creates()).hasSize(1);
        assertThat(plan.updates()).isEmpty();
    }

    @Test
    void onlyTheColumnsOfTheFileAreImported() {
        // no phone column: Ann keeps her phone; a unit column with a blank cell clears her unit
        ImportPlan plan = ImportPlan.of(List.of(ANN),
                List.of(new RollRow(2, null, "Ann Lee", "ann@example.com", null, null)), Set.of("name", "email", "unit"),
                false);
        assertThat(plan.updates()).containsExactly(
                new ImportPlan.Change("id-ann", 2, null, "Ann Lee", "ann@example.com", "+15145550001", null));
    }

    @Test
    void archiveMissingArchivesTheResidentsNoRowNamesUnlessARowWasRejected() {
        List<RollRow> onlyBob = List.of(new RollRow(2, "T-2", "Bob Roy", "bob@example.com", null, "5"));
        assertThat(ImportPlan.of(List.of(ANN, BOB), onlyBob, ALL, true).archives()).containsExactly("id-ann");
        assertThat(ImportPlan.of(List.of(ANN, BOB), onlyBob, ALL, false).archives()).isEmpty();
        List<RollRow> withABadRow = List.of(onlyBob.get(0), new RollRow(3, null, "Ann Lee", "bad", null, null));
        assertThat(ImportPlan.of(List.of(ANN, BOB), withABadRow, ALL, true).archives()).isEmpty();
    }
}
