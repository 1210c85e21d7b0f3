package com.propty.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailBatchesTest {

    @Test
    void splitsIntoBatchesOfAtMostTheBatchSizeKeepingOrder() {
        List<Integer> items = IntStream.range(0, 2_345).boxed().toList();

        List<List<Integer>> batches = EmailBatches.split(items, 1_000);

        assertThat(batches).extracting(List::size).containsExactly(1_000, 1_000, 345);
        assertThat(batches.get(1).get(0)).isEqualTo(1_000);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void anExactMultipleMakesNoEmptyBatchAndNothingMakesNoBatch() {
        assertThat(EmailBatches.split(IntStream.range(0, 2_000).boxed().toList(), 1_000)).hasSize(2);
        assertThat(EmailBatches.split(List.of(), 1_000)).isEmpty();
        assertThatThrownBy(() -> EmailBatches.split(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheOffendingPersonalizationsOfASendGrid400() {
        String body = """
                {"errors":[
                  {"message":"Does not contain a valid address.","field":"personalizations.2.to.0.email","help":null},
                  {"message":"Does not contain a valid address.","field":"personalizations.7.to.0.email","help":null},
                  {"message":"The from email does not contain a valid address.","field":"from.email","help":null}]}""";

        Map<Integer, String> invalid = EmailBatches.invalidPersonalizations(body, 10);

        assertThat(invalid).containsOnlyKeys(2, 7).containsEntry(2, "Does not contain a valid address.");
    }

    @Test
    void aRejectionNamingNoPersonalizationNamesNone() {
        assertThat(EmailBatches.invalidPersonalizations("{\"errors\":[{\"message\":\"bad\",\"field\":\"from.email\"}]}", 5))
                .isEmpty();
        assertThat(EmailBatches.invalidPersonalizations("<html>Bad gateway</html>", 5)).isEmpty();
        assertThat(EmailBatches.invalidPersonalizations(null, 5)).isEmpty();
        assertThat(EmailBatches.invalidPersonalizations(
                "{\"errors\":[{\"message\":\"x\",\"field\":\"personalizations.9.to.0.email\"}]}", 5))
                .as("an index outside the batch cannot be ours").isEmpty();
    }

    @Test
    void theRestIsWhatRemainsOutsideTheOffendingIndexesInOrder() {
        assertThat(EmailBatches.without(List.of("a", "b", "c", "d"), Set.of(1, 3))).containsExactly("a", "c");
    }
}
