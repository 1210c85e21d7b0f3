package com.propty.notice.resident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.notice.ServiceTestSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/properties/{id}/residents:import}: a rent roll as CSV or JSON, validated row by row. */
class ResidentImportApiTest extends ServiceTestSupport {

    static final String ROLL = "Tenant ID,Name,Email,Phone,Unit\r\n"
            + "T-1,Ann Lee,ann@example.com,+15145550001,4B\r\n"
            + "T-2,Bob Roy,not-an-email,,5\r\n"
            + "T-3,Cy Doe,,+15145550003,6\r\n"
            + "T-1,Ann again,ann2@example.com,,4B\r\n";

    Response importCsv(String property, String csv, String query) {
        return call("POST", "/api/properties/" + property + "/residents:import" + query, "text/csv", csv, property);
    }

    Map<String, JsonNode> residentsByName(String property) {
        JsonNode items = call("GET", "/api/properties/" + property + "/residents?size=200", null, property).body()
                .get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .collect(Collectors.toMap(r -> r.get("name").asString(), r -> r));
    }

    @Test
    void aDryRunSaysWhatAnImportWillDoAndChangesNothingThenTheImportDoesExactlyThat() {
        String property = newProperty();
        Response preview = importCsv(property, ROLL, "?dryRun=true");
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("dryRun").asBoolean()).isTrue();
        assertThat(residentsByName(property)).isEmpty();

        Response done = importCsv(property, ROLL, "");
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        for (Response report : List.of(preview, done)) {
            assertThat(report.body().get("rows").asInt()).isEqualTo(4);
            assertThat(report.body().get("created").asInt()).isEqualTo(2);
            JsonNode rejected = report.body().get("rejected");
            assertThat(rejected.size()).isEqualTo(2);
            assertThat(rejected.get(0).get("row").asInt()).isEqualTo(3);
            assertThat(rejected.get(0).get("field").asString()).isEqualTo("email");
            assertThat(rejected.get(1).get("row").asInt()).isEqualTo(5);
            assertThat(rejected.get(1).get("reason").asString()).contains("row 2");
        }
        Map<String, JsonNode> residents = residentsByName(property);
        assertThat(residents).containsOnlyKeys("Ann Lee", "Cy Doe");
        assertThat(residents.get("Ann Lee").get("externalId").asString()).isEqualTo("T-1");
        assertThat(residents.get("Cy Doe").get("phone").asString()).isEqualTo("+15145550003");
    }

    @Test
    void importingTheSameFileTwiceCreatesNobodyTwiceAndAnEditedOneUpdatesAndArchives() {
        String property = newProperty();
        String handMade = createResident(property, "Zoe Hand", "zoe@example.com", null);
        importCsv(property, ROLL, "");
        Response again = importCsv(property, ROLL, "");
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(2);

        String edited = "external id,name,email,unit\nT-1,Ann Lee,ann.lee@example.com,4B\nT-3,Cy Doe,,7\n";
        Response update = importCsv(property, edited, "?archiveMissing=true");
        assertThat(update.body().get("updated").asInt()).isEqualTo(2);
        assertThat(update.body().get("archived").asInt()).as("Zoe is not in the roll").isEqualTo(1);
        Map<String, JsonNode> residents = residentsByName(property);
        assertThat(residents).containsOnlyKeys("Ann Lee", "Cy Doe");
        assertThat(residents.get("Ann Lee").get("email").asString()).isEqualTo("ann.lee@example.com");
        assertThat(residents.get("Ann Lee").get("phone").asString()).as("no phone column: kept").isEqualTo("+15145550001");
        assertThat(residents.get("Cy Doe").get("unit").asString()).isEqualTo("7");
        assertThat(call("GET", "/api/residents/" + handMade, null, property).body().get("archived").asBoolean()).isTrue();
    }

    @Test
    void aCsvIsReadAsUtf8WithOrWithoutACharset() {
        String property = newProperty();
        importCsv(property, "name,unit\nÉloïse Tremblay,4B\n", "");
        call("POST", "/api/properties/" + property + "/residents:import", "text/csv; charset=utf-8",
                "name,unit\n王芳,5\n", property);
        assertThat(residentsByName(property)).containsOnlyKeys("Éloïse Tremblay", "王芳");
    }

    @Test
    void aJsonArrayIsImportedTooAndItsMalformedRowsAreReported() {
        String property = newProperty();
        Response report = call("POST", "/api/properties/" + property + "/residents:import",
                List.of(Map.of("name", "Ann", "email", "ann@example.com"), Map.of("name", 42),
                        Map.of("name", "Eve", "optedOut", "EMAIL"), "not an object"), property);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().get("created").asInt()).isEqualTo(1);
        assertThat(report.body().get("rejected").findValuesAsString("field")).containsExactly("name", "optedOut", "row");
    }

    @Test
    void anExternalIdWithAControlCharacterIsARejectedRowLikeAnyOtherField() {
        String property = newProperty();
        Response report = call("POST", "/api/properties/" + property + "/residents:import", List.of(
                Map.of("externalId", "a\u0000b", "name", "Ann"), Map.of("externalId", "x\r\nBcc: all", "name", "Bo"),
                Map.of("externalId", "T-1", "name", "Cy")), property);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().get("created").asInt()).isEqualTo(1);
        assertThat(report.body().get("rejected").findValuesAsString("field")).containsExactly("externalId", "externalId");
        assertThat(residentsByName(property)).containsOnlyKeys("Cy");
    }

    @Test
    void tooManyRowsOrAFileThatIsNotARentRollIs400AndChangesNothing() {
        String property = newProperty();
        String big = "name\n" + IntStream.range(0, 5001).mapToObj(i -> "R" + i).collect(Collectors.joining("\n"));
        Response tooMany = importCsv(property, big, "");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asString()).isEqualTo("TOO_MANY_ROWS");
        Response noName = importCsv(property, "email\na@example.com\n", "");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(residentsByName(property)).isEmpty();
        assertThat(call("POST", "/api/properties/" + newProperty() + "/residents:import", "text/csv", "name\nAnn\n",
                property).status()).as("another property's").isEqualTo(404);
    }
}
