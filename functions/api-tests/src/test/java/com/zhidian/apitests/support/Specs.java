package com.zhidian.apitests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads template.yaml (with CloudFormation's short tags) and docs/openapi.yaml from the repository root. */
public final class Specs {
    private Specs() {}

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> template() {
        return (Map<String, Object>) load(root().resolve("template.yaml"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> openApi() {
        return (Map<String, Object>) load(root().resolve("docs/openapi.yaml"));
    }

    /** Function logical id → Handler. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> handlers() {
        Map<String, String> out = new TreeMap<>();
        ((Map<String, Object>) template().get("Resources")).forEach((id, r) -> {
            Map<String, Object> res = (Map<String, Object>) r;
            if ("AWS::Serverless::Function".equals(res.get("Type"))) {
                out.put(id, (String) ((Map<String, Object>) res.get("Properties")).get("Handler"));
            }
        });
        return out;
    }

    /** Handler class → its HttpApi route keys ("POST /members"). */
    @SuppressWarnings("unchecked")
    public static Map<String, Set<String>> routesByHandler() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        ((Map<String, Object>) template().get("Resources")).forEach((id, r) -> {
            Map<String, Object> res = (Map<String, Object>) r;
            if (!"AWS::Serverless::Function".equals(res.get("Type"))) return;
            Map<String, Object> props = (Map<String, Object>) res.get("Properties");
            String cls = ((String) props.get("Handler")).split("::")[0];
            Map<String, Object> events = (Map<String, Object>) props.getOrDefault("Events", Map.of());
            Set<String> keys = new TreeSet<>();
            events.values().forEach(e -> {
                Map<String, Object> ev = (Map<String, Object>) e;
                if (!"HttpApi".equals(ev.get("Type"))) return;
                Map<String, Object> p = (Map<String, Object>) ev.get("Properties");
                keys.add(routeKey((String) p.get("Method"), (String) p.get("Path")));
            });
            if (!keys.isEmpty()) out.put(cls, keys);
        });
        return out;
    }

    /** The template's operations: every route but {@code $default}, which is what no operation matches. */
    public static Set<String> templateRoutes() {
        Set<String> all = new TreeSet<>();
        routesByHandler().values().forEach(all::addAll);
        all.remove(DEFAULT_ROUTE);
        return all;
    }

    /** API Gateway's route key for the HttpApi event's Path and Method ({@code $default} for that route, as SAM makes it). */
    static String routeKey(String method, String path) {
        if ((path == null && method == null) || "$default".equals(path)) return DEFAULT_ROUTE;
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    public static final String DEFAULT_ROUTE = "$default";

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @SuppressWarnings("unchecked")
    public static Set<String> openApiOperations() {
        Set<String> out = new TreeSet<>();
        ((Map<String, Object>) openApi().get("paths")).forEach((path, item) ->
                ((Map<String, Object>) item).keySet().stream().filter(METHODS::contains)
                        .forEach(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return out;
    }

    private static Object load(Path file) {
        try {
            return new Yaml(new CfnConstructor()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps !Ref, !Sub, !GetAtt ... as their plain values: enough to read routes and handlers. */
    static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode s) return s.getValue();
                    if (node instanceof SequenceNode q) return constructSequence(q);
                    if (node instanceof MappingNode m) return constructMapping(m);
                    return null;
                }
            });
        }
    }

    public static List<String> methods() {
        return List.copyOf(METHODS);
    }
}
