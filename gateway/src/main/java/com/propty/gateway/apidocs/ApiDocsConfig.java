package com.propty.gateway.apidocs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The platform's one API document and a Swagger UI for it (README "API document"). The document is
 * {@code docs/openapi.yaml}, packaged into the jar at build time; the services do not generate their own
 * (springdoc), since a second description could disagree with the one system-tests checks against the controllers.
 * {@code /swagger-ui/**} serves our own page and initializer first, then the files of the Swagger UI webjar.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig implements WebFluxConfigurer {

    static final String DOCUMENT = "static-docs/openapi.yaml";
    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Bean
    RouterFunction<ServerResponse> apiDocsRoutes() {
        ApiDocument document = ApiDocument.of(read(DOCUMENT));
        ClassPathResource page = new ClassPathResource("swagger-ui/index.html");
        return route(GET("/v3/api-docs"), request -> ok(MediaType.APPLICATION_JSON).bodyValue(document.json()))
                .andRoute(GET("/v3/api-docs.yaml"), request -> ok(YAML).bodyValue(document.yaml()))
                .andRoute(GET("/swagger-ui.html").or(GET("/swagger-ui")).or(GET("/swagger-ui/")),
                        request -> ok(HTML).bodyValue(page));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/swagger-ui/**")
                .addResourceLocations("classpath:/swagger-ui/",
                        "classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/")
                // like the page's own assets (spring.web.resources.cache): a new deploy is never served stale
                .setCacheControl(CacheControl.noCache());
    }

    private static ServerResponse.BodyBuilder ok(MediaType type) {
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.noCache());
    }

    /** The webjar's files sit under its version; the pom fixes it once, so it is read from the webjar itself. */
    public static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource(SWAGGER_UI_POM).getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the Swagger UI webjar is missing from the classpath", e);
        }
        return pom.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing: the build packages it from docs/openapi.yaml", e);
        }
    }
}
