package com.propty.notice.resident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.notice.ServiceTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResidentApiTest extends ServiceTestSupport {

    @Test
    void residentsAreCreatedListedPatchedAndArchived() {
        String property = newProperty();
        Response created = call("POST", "/api/properties/" + property + "/residents",
                Map.of("name", "Zoé Tremblay", "email", "zoe@example.com", "phone", "+15145550123", "unit", "4B"),
                property);
        assertThat(created.status()).isEqualTo(201);
        JsonNode resident = created.body();
        String id = resident.get("id").stringValue();
        assertThat(resident.get("propertyId").stringValue()).isEqualTo(property);
        assertThat(resident.get("email").stringValue()).isEqualTo("zoe@example.com");
        assertThat(resident.get("createdAt").isString()).isTrue();
        createResident(property, "Adam Roy", "adam@example.com", null);

        Response page = call("GET", "/api/properties/" + property + "/residents?page=0&size=1", null, property);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().get("items").get(0).get("name").stringValue()).isEqualTo("Adam Roy");

        Response patched = call("PATCH", "/api/residents/" + id, "{\"phone\":null,\"email\":\"zoe.t@example.com\"}",
                property);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("phone").isNull()).isTrue();
        assertThat(patched.body().get("email").stringValue()).isEqualTo("zoe.t@example.com");
        assertThat(patched.body().get("unit").stringValue()).isEqualTo("4B");

        assertThat(call("DELETE", "/api/residents/" + id, null, property).status()).isEqualTo(204);
        Response afterArchive = call("GET", "/api/properties/" + property + "/residents", null, property);
        assertThat(afterArchive.body().get("totalItems").asLong()).isEqualTo(1);
        Response archived = call("GET", "/api/residents/" + id, null, property);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().get("archived").asBoolean()).isTrue();
    }

    @Test
    void invalidContactsAreRejectedWithEveryFieldError() {
        String property = newProperty();
        Response invalid = call("POST", "/api/properties/" + property + "/residents",
                Map.of("name", " ", "email", "not-an-email", "phone", "514-555-0123"), property);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.http().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(invalid.body().get("code").stringValue()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "email", "phone");

        String id = createResident(property, "Lea", "lea@example.com", null);
        Response badPatch = call("PATCH", "/api/residents/" + id, "{\"phone\":\"12345\",\"name\":null}", property);
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.body().get("errors").findValuesAsString("field")).contains("phone", "name");
        assertThat(call("PATCH", "/api/residents/" + id, "{\"phone\":", property).status()).isEqualTo(400);
        assertThat(call("GET", "/api/properties/" + property + "/residents?size=201", null, property).status())
                .isEqualTo(400);
    }

    @Test
    void residentsOfAnotherPropertyAreNotFound() {
        String property = newProperty();
        String other = newProperty();
        String id = createResident(property, "Lea", "lea@example.com", null);
        assertThat(call("GET", "/api/residents/" + id, null, other).status()).isEqualTo(404);
        assertThat(call("PATCH", "/api/residents/" + id, "{\"unit\":\"1\"}", other).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/residents/" + id, null, other).status()).isEqualTo(404);
        assertThat(call("GET", "/api/properties/" + property + "/residents", null, other).status()).isEqualTo(404);
        assertThat(call("POST", "/api/properties/" + property + "/residents", Map.of("name", "X"), other).status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/residents/" + id, null, null).status()).isEqualTo(401);
    }
}
