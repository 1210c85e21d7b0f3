package com.propty.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.Problems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What notice-service answers to input meant to break it: 400 problem+json naming the field, and nothing stored. */
class HostileInputApiTest extends ServiceTestSupport {

    private void assertProblem(Response response, int status, String code) {
        Problems.assertProblem(response.http(), status, code);
    }

    private long residents(String property) {
        return call("GET", "/api/properties/" + property + "/residents", null, property).body().get("totalItems")
                .asLong();
    }

    @Test
    void membersAClientMayNotSetAreRefusedByName() {
        String property = newProperty();
        for (String field : List.of("id", "propertyId", "optedOut", "archived", "createdAt")) {
            Response response = call("POST", "/api/properties/" + property + "/residents",
                    "{\"name\":\"Mallory\",\"" + field + "\":" + (field.equals("optedOut") ? "[\"EMAIL\"]" : "\"x\"")
                            + "}", property);
            assertProblem(response, 400, "VALIDATION_FAILED");
            assertThat(response.body().get("errors").findValuesAsString("field")).containsExactly(field);
        }
        assertThat(residents(property)).isZero();
        Response notice = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "T", "body", "B", "channels", List.of("EMAIL"), "status", "SENT"), property);
        assertProblem(notice, 400, "VALIDATION_FAILED");
        assertThat(notice.body().get("errors").findValuesAsString("field")).containsExactly("status");
    }

    @Test
    void operatorObjectsAreWrongTypesAndOperatorStringsAreData() {
        String property = newProperty();
        Response injected = call("POST", "/api/properties/" + property + "/residents",
                "{\"name\":{\"$ne\":\"\"},\"email\":\"a@example.com\"}", property);
        assertProblem(injected, 400, "VALIDATION_FAILED");
        assertThat(injected.body().get("errors").findValuesAsString("field")).containsExactly("name");
        assertProblem(call("POST", "/api/properties/" + property + "/notices",
                "{\"title\":\"T\",\"body\":\"B\",\"channels\":[\"EMAIL\"],\"recipientIds\":[{\"$gt\":\"\"}]}", property),
                400, "VALIDATION_FAILED");
        assertProblem(call("POST", "/api/properties/" + property + "/residents", "{\"name\":42}", property),
                400, "VALIDATION_FAILED");
        assertThat(residents(property)).isZero();

        Response literal = call("POST", "/api/properties/" + property + "/residents",
                Map.of("name", "{\"$ne\": \"\"}", "unit", "$where"), property);
        assertThat(literal.status()).isEqualTo(201);
        Response shown = call("GET", "/api/residents/" + literal.body().get("id").stringValue(), null, property);
        assertThat(shown.body().get("name").stringValue()).isEqualTo("{\"$ne\": \"\"}");
        assertThat(shown.body().get("unit").stringValue()).isEqualTo("$where");
    }

    @Test
    void controlCharactersAndHeaderInjectionInAnAddressAreRefused() {
        String property = newProperty();
        Response crlf = call("POST", "/api/properties/" + property + "/residents",
                Map.of("name", "Eve", "email", "eve@example.com\r\nBcc: all@example.com"), property);
        assertProblem(crlf, 400, "VALIDATION_FAILED");
        assertThat(crlf.body().get("errors").findValuesAsString("field")).containsExactly("email");
        assertProblem(call("POST", "/api/properties/" + property + "/residents", Map.of("name", "Nul\u0000"), property),
                400, "VALIDATION_FAILED");
        assertThat(residents(property)).isZero();
    }

    @Test
    void undecodableUrlsAnswerProblemJsonNotAServerError() {
        String property = newProperty();
        for (String path : List.of("/api/properties/" + property + "/residents?q=%ff",
                "/api/properties/" + property + "/notices?status=%ff", "/api/notices/n1/recipients?q=%ff")) {
            assertProblem(call("GET", path, null, property), 400, "INVALID_REQUEST");
        }
        // Refused by Tomcat itself, before any filter: its error page is problem+json too.
        for (String path : List.of("/api/notices/a%2fb", "/api/notices/a%00b", "/api/notices/a%ffb")) {
            assertProblem(call("GET", path, null, property), 400, "INVALID_REQUEST");
        }
        assertProblem(call("GET", "/api/properties/" + property + "/residents?page=x", null, property), 400,
                "VALIDATION_FAILED");
    }
}
