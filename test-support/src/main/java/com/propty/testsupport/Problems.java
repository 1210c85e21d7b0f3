package com.propty.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The check of every refusal: the status, {@code application/problem+json}, its stable {@code code}, no stack trace. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** Answers the problem's members for further checks. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), "Content-Type " + type + ": " + response.body());
        JsonNode problem = JSON.readTree(response.body());
        JsonNode actual = problem.get("code");
        assertEquals(code, actual == null || actual.isNull() ? null : actual.asString(), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                "a stack trace in " + response.body());
        return problem;
    }
}
