package com.propty.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The YAML-to-JSON conversion behind /v3/api-docs, without Spring. */
class ApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_json_is_the_same_tree_as_the_yaml() {
        ApiDocument document = ApiDocument.of("openapi: 3.1.0\ninfo:\n  version: '1'\npaths:\n  /a:\n    get:\n"
                + "      responses:\n        '200':\n          description: OK\n      security: []\n");

        Map<String, Object> json = JsonMapper.builder().build().readValue(document.json(), Map.class);
        assertThat(json).containsEntry("openapi", "3.1.0").containsEntry("info", Map.of("version", "1"));
        assertThat(json.get("paths")).isEqualTo(Map.of("/a", Map.of("get", Map.of("responses",
                Map.of("200", Map.of("description", "OK")), "security", List.of()))));
    }

    @Test
    void yaml_that_json_cannot_say_as_written_is_refused() {
        assertThatThrownBy(() -> ApiDocument.of("info:\n  version: 2026-12-02\n"))
                .hasMessageContaining("$.info.version");
        assertThatThrownBy(() -> ApiDocument.of("responses:\n  200:\n    description: OK\n"))
                .hasMessageContaining("key 200 is not a string");
        assertThatThrownBy(() -> ApiDocument.of("- a list\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
