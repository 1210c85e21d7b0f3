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
}
