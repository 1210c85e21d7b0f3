package com.propty.system.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/openapi.yaml} against the services' controllers (the same reflective view as the authorization matrix):
 * every route the gateway exposes is documented, nothing documented is gone, and every error is problem+json.
 */
class OpenApiDocumentTest {

    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    static Map<String, Map<String, Object>> operations;
    static Map<String, Object> components;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("../docs/openapi.yaml")));
        assertThat(doc.get("openapi")).isEqualTo("3.1.0");
        components = (Map<String, Object>) doc.get("components");
        operations = new TreeMap<>();
        ((Map<String, Map<String, Map<String, Object>>>) doc.get("paths")).forEach((path, byMethod) ->
                byMethod.forEach((method, operation) -> operations.put(method.toUpperCase() + " " + path, operation)));
    }

    @Test
    void everyRouteTheGatewayExposesIsDocumentedAndNothingMore() throws Exception {
        Set<String> routed = new TreeSet<>();
        AuthorizationMatrixTest.mappings().keySet().stream().filter(m -> !m.split(" ")[1].startsWith("/internal/"))
                .forEach(routed::add);

        assertThat(operations.keySet()).isEqualTo(routed);
    }

    @Test
    void everyContentTypeAHandlerConsumesIsDocumented() throws Exception {
        AuthorizationMatrixTest.mappings().forEach((endpoint, handlers) -> {
            Map<String, Object> operation = operations.get(endpoint);
            if (operation == null) {
                return;
            }
            handlers.forEach(consumes -> consumes.forEach(type -> assertThat(content(operation.get("requestBody")))
                    .as(endpoint + " consumes").containsKey(type)));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPathVariableIsAParameter() {
        operations.forEach((endpoint, operation) -> {
            Set<String> declared = new TreeSet<>();
            ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream()
                    .filter(p -> "path".equals(p.get("in"))).forEach(p -> declared.add((String) p.get("name")));
            Set<String> variables = new TreeSet<>();
            Matcher m = VARIABLE.matcher(endpoint);
            while (m.find()) {
                variables.add(m.group(1));
            }
            assertThat(declared).as(endpoint).isEqualTo(variables);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyErrorIsAProblemDocument() {
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) components.get("responses")).get("Problem");
        assertThat(content(problem)).containsOnlyKeys("application/problem+json");
        operations.forEach((endpoint, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as(endpoint + " documents its errors").anyMatch(code -> code.startsWith("4"));
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat((Map<String, Object>) response).as(endpoint + " " + code)
                            .containsEntry("$ref", "#/components/responses/Problem");
                }
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Object body) {
        return body == null ? Map.of() : (Map<String, Object>) ((Map<String, Object>) body).getOrDefault("content", Map.of());
    }
}
