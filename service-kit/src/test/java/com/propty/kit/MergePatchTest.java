package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MergePatchTest {

    private static final Map<String, MergePatch.Shape> PATCHABLE = Map.of("title", MergePatch.Shape.STRING,
            "smsText", MergePatch.Shape.STRING, "channels", MergePatch.Shape.STRINGS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MergePatch parse(String json) {
        return MergePatch.parse(JSON.readTree(json), PATCHABLE);
    }

    private static List<ApiProblem.FieldError> errors(String json) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> parse(json));
        assertThat(problem).as(json).isNotNull();
        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        return problem.errors();
    }

    @Test
    void aMemberChangesItsFieldNullClearsItAndAnAbsentOneLeavesIt() {
        MergePatch patch = parse("{\"title\":\"New\",\"smsText\":null,\"channels\":[\"EMAIL\"]}");

        assertThat(patch.string("title", "Old")).isEqualTo("New");
        assertThat(patch.has("smsText")).isTrue();
        assertThat(patch.string("smsText", "short")).isNull();
        assertThat(patch.strings("channels", List.of("SMS"))).containsExactly("EMAIL");
        assertThat(parse("{}").string("title", "Old")).isEqualTo("Old");
        assertThat(parse("{}").has("title")).isFalse();
        assertThat(patch.fields()).containsExactly("title", "smsText", "channels");
    }

    @Test
    void everyWrongMemberIsNamedAtOnce() {
        assertThat(errors("{\"title\":1,\"channels\":[\"EMAIL\",2],\"id\":\"x\",\"smsText\":{\"$ne\":\"\"}}"))
                .containsExactlyInAnyOrder(new ApiProblem.FieldError("title", "must be a string or null"),
                        new ApiProblem.FieldError("channels", "must be an array of strings or null"),
                        new ApiProblem.FieldError("id", "cannot be changed"),
                        new ApiProblem.FieldError("smsText", "must be a string or null"));
        assertThat(errors("{\"channels\":\"EMAIL\"}")).extracting(ApiProblem.FieldError::field).containsExactly("channels");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        for (String body : List.of("[]", "\"title\"", "null", "3")) {
            assertThat(errors(body)).extracting(ApiProblem.FieldError::field).as(body).containsExactly("body");
        }
    }

    @Test
    void aNestedResourceIsPatchedMemberByMemberAndItsErrorsNamedWithItsPath() {
        Map<String, MergePatch.Shape> top = Map.of("timeZone", MergePatch.Shape.STRING,
                "quietHours", MergePatch.Shape.OBJECT);
        Map<String, Map<String, MergePatch.Shape>> nested = Map.of("quietHours",
                Map.of("enabled", MergePatch.Shape.BOOLEAN, "start", MergePatch.Shape.STRING));
        MergePatch patch = MergePatch.parse(JSON.readTree("{\"quietHours\":{\"enabled\":false,\"start\":null}}"),
                top, nested);
        assertThat(patch.patch("quietHours").bool("enabled", true)).isFalse();
        assertThat(patch.patch("quietHours").string("start", "21:00")).isNull();
        assertThat(patch.patch("quietHours").has("end")).isFalse();
        assertThat(patch.patch("timeZone").fields()).as("a field the patch leaves: an empty patch").isEmpty();
        assertThat(MergePatch.parse(JSON.readTree("{\"quietHours\":null}"), top, nested).patch("quietHours"))
                .as("cleared").isNull();

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> MergePatch.parse(JSON.readTree(
                "{\"timeZone\":3,\"quietHours\":{\"enabled\":\"no\",\"end\":\"08:00\"}}"), top, nested));
        assertThat(problem.errors()).containsExactlyInAnyOrder(
                new ApiProblem.FieldError("timeZone", "must be a string or null"),
                new ApiProblem.FieldError("quietHours.enabled", "must be true, false or null"),
                new ApiProblem.FieldError("quietHours.end", "cannot be changed"));
        assertThat(catchThrowableOfType(ApiProblem.class, () -> MergePatch.parse(JSON.readTree(
                "{\"quietHours\":[true]}"), top, nested)).errors())
                .containsExactly(new ApiProblem.FieldError("quietHours", "must be an object or null"));
    }
}
