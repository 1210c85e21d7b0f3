package com.propty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.gateway.apidocs.ApiDocsConfig;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API document and its Swagger UI as a browser gets them from the gateway, without a token: the document is
 * docs/openapi.yaml itself, the page loads only same-origin files under the gateway's CSP, and nothing else became
 * public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ApiDocsGatewayTest {

    private static final Path SOURCE = Path.of("..", "docs", "openapi.yaml");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void api_docs_is_the_checked_in_document_as_json() throws IOException {
        Map<String, Object> source = new Yaml().load(Files.readString(SOURCE));

        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> served = JsonMapper.builder().build().readValue(response.body(), Map.class);
        assertThat(served.get("paths")).isEqualTo(source.get("paths"));
        assertThat(served).isEqualTo(source);
    }

    @Test
    void api_docs_yaml_is_the_checked_in_file_byte_for_byte() throws IOException {
        HttpResponse<String> response = get("/v3/api-docs.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).isEqualTo(Files.readString(SOURCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/swagger-ui.html", "/swagger-ui/", "/swagger-ui"})
    void swagger_ui_loads_only_same_origin_files_that_exist(String path) {
        HttpResponse<String> page = get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style");
        List<String> references = references(page.body());
        assertThat(references).contains("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js");
        for (String reference : references) {
            assertThat(reference).as("same-origin path").startsWith("/").doesNotStartWith("//");
            assertThat(get(reference).statusCode()).as(reference).isEqualTo(200);
        }
    }

    @Test
    void our_initializer_wins_over_the_webjars_petstore_one() {
        HttpResponse<String> initializer = get("/swagger-ui/swagger-initializer.js");

        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: '/v3/api-docs'").doesNotContain("petstore.swagger.io");
    }

    @Test
    void the_docs_did_not_open_anything_else() {
        assertThat(get("/api/notices/x").statusCode()).isEqualTo(401);
        assertThat(get("/webjars/swagger-ui/" + ApiDocsConfig.swaggerUiVersion() + "/index.html").statusCode())
                .isEqualTo(401);
        assertThat(get("/v3/api-docs/other").statusCode()).isEqualTo(401);
    }

    private static List<String> references(String html) {
        Matcher matcher = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        return matcher.results().map(match -> match.group(1)).toList();
    }

    private HttpResponse<String> get(String path) {
        return new Gateway(port).get(path);
    }
}
