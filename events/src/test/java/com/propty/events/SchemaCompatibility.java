package com.propty.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility rule for the events' JSON Schemas (README "Event versions"): within one {@code x-event-version}, a
 * schema may only grow in ways every reader of that version accepts. Breaking: a property removed or its definition
 * changed, a property newly required, an enum losing a value, any other keyword changed (e.g. additional properties
 * refused). Allowed: a new optional property, a new enum value (readers must tolerate unknown values and properties),
 * a new definition, a description. A breaking change needs the next version, whose events go out beside the old ones.
 */
final class SchemaCompatibility {

    private static final Set<String> FREE = Set.of("description", "title", "$comment", "examples");

    private SchemaCompatibility() {
    }

    static int version(JsonNode schema) {
        return schema.path("x-event-version").asInt(0);
    }

    /** What {@code current} breaks for the readers of {@code baseline} (empty: compatible). */
    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("", baseline, current, breaks);
        return breaks;
    }

    private static void compare(String at, JsonNode was, JsonNode now, List<String> breaks) {
        if (now == null || now.isMissingNode() || now.isNull()) {
            breaks.add(at + " removed");
            return;
        }
        if (!was.isObject() || !now.isObject()) {
            if (!was.equals(now)) {
                breaks.add(at + " changed from " + was + " to " + now);
            }
            return;
        }
        for (String key : was.propertyNames()) {
            if (FREE.contains(key)) {
                continue;
            }
            JsonNode before = was.get(key);
            JsonNode after = now.get(key);
            switch (key) {
                case "properties", "$defs" -> {
                    for (String name : before.propertyNames()) {
                        compare(at + "/" + key + "/" + name, before.get(name), after == null ? null : after.get(name),
                                breaks);
                    }
                }
                case "required" -> {
                    Set<String> required = strings(after);
                    required.removeAll(strings(before));
                    required.forEach(name -> breaks.add(at + "/properties/" + name + " newly required"));
                }
                case "enum" -> {
                    Set<String> lost = strings(before);
                    lost.removeAll(strings(after));
                    lost.forEach(value -> breaks.add(at + " no longer allows " + value));
                }
                default -> compare(at + "/" + key, before, after, breaks);
            }
        }
        for (String key : now.propertyNames()) {
            // a keyword that was not there constrains old events further (a new "required" list is handled above)
            if (!was.has(key) && !FREE.contains(key) && !key.equals("properties") && !key.equals("$defs")
                    && !key.equals("enum")) {
                if (key.equals("required")) {
                    strings(now.get(key)).forEach(name -> breaks.add(at + "/properties/" + name + " newly required"));
                } else {
                    breaks.add(at + "/" + key + " added: " + now.get(key));
                }
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        }
        return values;
    }

    /** A deep copy to edit in tests. */
    static ObjectNode copy(JsonNode schema) {
        return (ObjectNode) schema.deepCopy();
    }
}
