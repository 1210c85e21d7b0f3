package com.propty.system.ops;

import com.propty.system.Api;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The metric names the ops files query: every Grafana panel target under {@code ops/grafana} and every alert rule. */
public final class QueriedMetrics {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private QueriedMetrics() {
    }

    /** Every PromQL expression of the dashboards and the alert rules under {@code ops/}. */
    public static List<String> expressions(Path ops) {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ops.resolve("grafana"))) {
            for (Path dashboard : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : Api.JSON.readTree(Files.readString(dashboard)).get("panels")) {
                    panel.path("targets").forEach(t -> expressions.add(t.get("expr").asString()));
                }
            }
            try (Reader rules = Files.newBufferedReader(ops.resolve("prometheus/alerts.yml"))) {
                Map<String, List<Map<String, List<Map<String, Object>>>>> doc = new Yaml().load(rules);
                doc.get("groups").forEach(g -> g.get("rules").forEach(r -> expressions.add((String) r.get("expr"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** The metric names one PromQL expression selects (not its functions, label names or label values). */
    public static Set<String> names(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String token = m.group();
            boolean isCall = bare.substring(m.end()).stripLeading().startsWith("(");
            boolean inNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!isCall && !inNumber && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }
}
