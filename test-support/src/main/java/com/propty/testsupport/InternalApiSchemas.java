package com.propty.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the internal HTTP APIs (the {@code events} module's {@code internal-api/}), checked on both
 * sides: the provider's tests validate what it answers, the callers' fakes validate what they are sent and what they
 * answer, so the two ends cannot drift apart unnoticed.
 */
public final class InternalApiSchemas {

    public static final String DELIVERY_STATES_REQUEST = "delivery-states-request";
    public static final String DELIVERY_STATES = "delivery-states";
    public static final String NOTICE_OWNER = "notice-owner";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private InternalApiSchemas() {
    }

    /** What is wrong with this JSON against the named schema (empty when it is valid). */
    public static List<String> errors(String schema, String json) {
        return SCHEMAS.computeIfAbsent(schema, InternalApiSchemas::load).validate(json, InputFormat.JSON).stream()
                .map(Error::toString).toList();
    }

    /** Throws when the JSON does not match the named schema. */
    public static void requireValid(String schema, String json) {
        List<String> errors = errors(schema, json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("not a valid " + schema + ": " + errors + " in " + json);
        }
    }

    private static Schema load(String name) {
        String path = "/internal-api/" + name + ".schema.json";
        try (InputStream in = InternalApiSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + path + " on the class path (the events module)");
            }
            return REGISTRY.getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
