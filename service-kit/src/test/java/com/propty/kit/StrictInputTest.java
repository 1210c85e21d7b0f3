package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StrictInputTest {

    @ClientInput
    record Input(String name, List<String> ids, Boolean flag) {
    }

    record Event(String name) {
    }

    private final JsonMapper mapper = StrictInputJackson.apply(JsonMapper.builder()).build();

    private ApiProblem.FieldError errorOf(String json, Class<?> type) {
        Throwable thrown = null;
        try {
            mapper.readValue(json, type);
        } catch (Exception e) {
            thrown = e;
        }
        assertThat(thrown).as(json).isNotNull();
        return BodyErrors.fieldError(thrown).orElseThrow();
    }

    @Test
    void aMemberAClientMayNotSetIsNamed() {
        ApiProblem.FieldError error = errorOf("{\"name\":\"Ann\",\"propertyId\":\"other\"}", Input.class);
        assertThat(error.field()).isEqualTo("propertyId");
        assertThat(error.message()).isEqualTo("cannot be set by a client");
    }

    @Test
    void typesWhoseInputIsNotMarkedStayLenient() {
        assertThat(mapper.readValue("{\"name\":\"Ann\",\"extra\":1}", Event.class).name()).isEqualTo("Ann");
    }

    @Test
    void operatorObjectsNumbersAndBooleansAreNotStrings() {
        assertThat(errorOf("{\"name\":{\"$ne\":\"\"}}", Input.class).field()).isEqualTo("name");
        assertThat(errorOf("{\"name\":123}", Input.class)).isEqualTo(new ApiProblem.FieldError("name", "must be a string"));
        assertThat(errorOf("{\"name\":true}", Input.class).field()).isEqualTo("name");
        assertThat(errorOf("{\"ids\":[\"a\",{\"$gt\":\"\"}]}", Input.class).field()).isEqualTo("ids[1]");
        assertThat(errorOf("{\"ids\":\"a\"}", Input.class).field()).isEqualTo("ids");
    }

    @Test
    void numbersAndStringsAreNotBooleans() {
        for (String value : List.of("1", "0", "\"true\"", "\"maybe\"", "\"\"", "1.5")) {
            assertThat(errorOf("{\"flag\":" + value + "}", Input.class).field()).as(value).isEqualTo("flag");
        }
        assertThat(mapper.readValue("{\"flag\":true}", Input.class).flag()).isTrue();
        assertThat(mapper.readValue("{\"flag\":null}", Input.class).flag()).isNull();
    }

    @Test
    void anOperatorLookingStringIsData() {
        assertThat(mapper.readValue("{\"name\":\"{\\\"$ne\\\": \\\"\\\"}\"}", Input.class).name())
                .isEqualTo("{\"$ne\": \"\"}");
    }

    @Test
    void syntaxErrorsNameNoField() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":", Input.class))
                .satisfies(e -> assertThat(BodyErrors.fieldError(e)).isEmpty());
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyInMultilineText() {
        assertThat(TextRules.hasControlCharacter("Ann\u0000")).isTrue();
        assertThat(TextRules.hasControlCharacter("a@b.example\r\nBcc: x@y.example")).isTrue();
        assertThat(TextRules.hasControlCharacter("Zoé {\"$ne\":\"\"} <b>")).isFalse();
        assertThat(TextRules.hasControlCharacterInMultiline("Line 1\r\nLine 2\tend")).isFalse();
        assertThat(TextRules.hasControlCharacterInMultiline("bell\u0007")).isTrue();
        assertThat(TextRules.hasControlCharacterInMultiline("del\u007f")).isTrue();
    }

    @Test
    void containerRefusalsAreProblemJsonWithACode() {
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 418, 500, 503}) {
            JsonNode body = mapper.readTree(ContainerProblems.json(status));
            assertThat(body.get("status").asInt()).isEqualTo(status);
            assertThat(body.get("code").asString()).isNotBlank();
            assertThat(body.get("type").asString()).startsWith("https://propty.example/problems/");
        }
        assertThat(mapper.readTree(ContainerProblems.json(400)).get("code").asString()).isEqualTo("INVALID_REQUEST");
    }
}
