package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event schema against its baseline ({@code src/test/resources/schema-baselines}, the schema as its version was
 * published): the same {@code x-event-version} must stay readable by that version's consumers; a breaking change fails
 * here until the schema says the next version (then its baseline is replaced by the new one).
 */
class SchemaCompatibilityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path BASELINES = Path.of("src/test/resources/schema-baselines");

    @Test
    void everySchemaIsReadableByTheConsumersOfItsVersion() throws IOException {
        List<Path> schemas;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            schemas = files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList();
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(7);
        for (Path schema : schemas) {
            Path baseline = BASELINES.resolve(schema.getFileName());
            assertThat(baseline).as(schema.getFileName() + " has a baseline of its published version").exists();
            JsonNode was = read(baseline);
            JsonNode now = read(schema);
            assertThat(SchemaCompatibility.version(now)).as(schema.getFileName() + " x-event-version")
                    .isGreaterThanOrEqualTo(Math.max(1, SchemaCompatibility.version(was)));
            if (SchemaCompatibility.version(now) == SchemaCompatibility.version(was)) {
                assertThat(SchemaCompatibility.breakingChanges(was, now)).as(schema.getFileName()
                        + ": breaking for the readers of its version; publish the next x-event-version").isEmpty();
            }
        }
    }

    @Test
    void removingChangingOrNewlyRequiringAPropertyIsBreaking() {
        JsonNode was = result();
        ObjectNode removed = SchemaCompatibility.copy(was);
        ((ObjectNode) removed.get("properties")).remove("address");
        assertThat(SchemaCompatibility.breakingChanges(was, removed)).containsExactly("/properties/address removed");

        ObjectNode retyped = SchemaCompatibility.copy(was);
        ((ObjectNode) retyped.get("properties")).putObject("attempt").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(was, retyped)).containsExactlyInAnyOrder(
                "/properties/attempt/type changed from \"integer\" to \"string\"", "/properties/attempt/minimum removed");

        ObjectNode required = SchemaCompatibility.copy(was);
        ((ArrayNode) required.get("required")).add("address");
        assertThat(SchemaCompatibility.breakingChanges(was, required))
                .containsExactly("/properties/address newly required");
    }

    @Test
    void anEnumMayGainButNotLoseAValue() {
        JsonNode was = result();
        ObjectNode lost = SchemaCompatibility.copy(was);
        ArrayNode statuses = (ArrayNode) lost.at("/properties/status/enum");
        statuses.remove(statuses.size() - 1);
        assertThat(SchemaCompatibility.breakingChanges(was, lost)).singleElement().asString()
                .contains("/properties/status no longer allows");

        ObjectNode gained = SchemaCompatibility.copy(was);
        ((ArrayNode) gained.at("/properties/status/enum")).add("READ");
        assertThat(SchemaCompatibility.breakingChanges(was, gained)).isEmpty();
    }

    @Test
    void aNewOptionalPropertyOrADescriptionIsNotBreakingButRefusingExtraPropertiesIs() {
        JsonNode was = result();
        ObjectNode grown = SchemaCompatibility.copy(was);
        ((ObjectNode) grown.get("properties")).putObject("region").put("type", "string");
        grown.put("description", "reworded");
        assertThat(SchemaCompatibility.breakingChanges(was, grown)).isEmpty();

        ObjectNode closed = SchemaCompatibility.copy(was);
        closed.put("additionalProperties", false);
        assertThat(SchemaCompatibility.breakingChanges(was, closed)).singleElement().asString()
                .startsWith("/additionalProperties");
    }

    private static JsonNode result() {
        return read(SCHEMAS.resolve("delivery-result.schema.json"));
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
