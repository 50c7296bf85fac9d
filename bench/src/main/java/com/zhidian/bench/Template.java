package com.zhidian.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.zhidian.local.template.CfnYaml;

/** What the harness needs from template.yaml (the one list of functions and routes) and docs/openapi.yaml. */
public final class Template {
    public record Function(String logicalId, String handler, String codeUri, int memoryMb, List<String> routeKeys) {
        public String handlerClass() {
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }
    }

    private final Path root;
    private final List<Function> functions = new ArrayList<>();
    private final String javaToolOptions;

    @SuppressWarnings("unchecked")
    private Template(Path root) {
        this.root = root;
        Map<String, Object> t = (Map<String, Object>) load(root.resolve("template.yaml"));
        Map<String, Object> globals = map(map(t.get("Globals")).get("Function"));
        int defaultMemory = globals.get("MemorySize") instanceof Number n ? n.intValue() : 128;
        Object jto = map(map(globals.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS");
        this.javaToolOptions = jto instanceof String s ? s : "";
        map(t.get("Resources")).forEach((id, r) -> {
            Map<String, Object> res = map(r);
            if (!"AWS::Serverless::Function".equals(res.get("Type"))) return;
            Map<String, Object> props = map(res.get("Properties"));
            List<String> keys = new ArrayList<>();
            map(props.get("Events")).values().forEach(e -> {
                Map<String, Object> ev = map(e);
                if (!"HttpApi".equals(ev.get("Type"))) return;
                Map<String, Object> p = map(ev.get("Properties"));
                if ("$default".equals(p.get("Path"))) return; // the 404 of what no route matches: not an operation to measure
                keys.add(String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT) + " " + p.get("Path"));
            });
            int mem = props.get("MemorySize") instanceof Number n ? n.intValue() : defaultMemory;
            functions.add(new Function(id, String.valueOf(props.get("Handler")), String.valueOf(props.get("CodeUri")), mem, keys));
        });
    }

    public static Template load() {
        return new Template(root());
    }

    /** The repository root: the first directory upwards that holds template.yaml. */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    public Path rootDir() { return root; }

    public List<Function> functions() { return functions; }

    /** Globals.Function.Environment.Variables.JAVA_TOOL_OPTIONS (what Lambda's JVM starts with). */
    public String javaToolOptions() { return javaToolOptions; }

    /** Every route key of every function, in template order. */
    public List<String> routeKeys() {
        List<String> out = new ArrayList<>();
        functions.forEach(f -> out.addAll(f.routeKeys()));
        return out;
    }

    public Function functionOf(String routeKey) {
        for (Function f : functions) if (f.routeKeys().contains(routeKey)) return f;
        return null;
    }

    /** Operations of docs/openapi.yaml ("GET /stores"), to report routes that one lists and the other does not. */
    public Set<String> openApiOperations() {
        Path p = root.resolve("docs/openapi.yaml");
        Set<String> out = new TreeSet<>();
        if (!Files.exists(p)) return out;
        map(map(load(p)).get("paths")).forEach((path, item) -> map(item).keySet().forEach(m -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(m)) out.add(m.toUpperCase(Locale.ROOT) + " " + path);
        }));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** Read with Zhidian Local's own CloudFormation-aware YAML reader: one reading of the template. */
    private static Object load(Path file) {
        try {
            return CfnYaml.load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
