package com.propty.gateway.apidocs;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API document as served: the YAML as written and the same tree as JSON, converted once at start-up. The
 * conversion refuses YAML that JSON cannot say as written (an unquoted date becomes a timestamp, binary data
 * bytes), so that {@code /v3/api-docs} never disagrees with {@code /v3/api-docs.yaml}.
 */
record ApiDocument(String yaml, String json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ApiDocument of(String yaml) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException("an OpenAPI document is a mapping at its top");
        }
        requireJsonValues(tree, "$");
        return new ApiDocument(yaml, JSON.writeValueAsString(tree));
    }

    private static void requireJsonValues(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException(where + ": key " + key + " is not a string (quote it)");
                }
                requireJsonValues(value, where + "." + key);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireJsonValues(list.get(i), where + "[" + i + "]");
            }
        } else if (node != null && !(node instanceof String) && !(node instanceof Number)
                && !(node instanceof Boolean)) {
            throw new IllegalArgumentException(where + ": a " + node.getClass().getSimpleName()
                    + " has no JSON form (quote it)");
        }
    }
}
