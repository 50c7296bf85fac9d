package com.zhidian.apitests.security;

import com.zhidian.apitests.support.Specs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of docs/openapi.yaml as the security and reliability suites need them: method, path,
 * {@code x-roles}, path and query parameters and the request body schema, every {@code $ref} resolved.
 * The suites iterate this list, so an operation is probed and fuzzed the day it is added to the spec.
 */
public final class SpecOps {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static volatile List<Op> cached;
    private static volatile Map<String, Object> spec;

    private SpecOps() {}

    public record Param(String name, String in, boolean required, Map<String, Object> schema) {}

    public record Op(String method, String path, String operationId, Set<String> roles, List<Param> pathParams,
                     List<Param> queryParams, Map<String, Object> bodySchema, boolean bodyRequired,
                     boolean takesIdempotencyKey, Set<String> responses) {
        public String key() { return method + " " + path; }

        public boolean hasBody() { return bodySchema != null; }

        /** Path parameter names in the order they appear in the path. */
        public List<String> pathParamNames() {
            List<String> out = new ArrayList<>();
            Matcher m = PATH_PARAM.matcher(path);
            while (m.find()) out.add(m.group(1));
            return out;
        }

        /** The path with each parameter replaced (values must already be URL-safe). */
        public String fill(Map<String, String> values) {
            Matcher m = PATH_PARAM.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + key());
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        public boolean hasQuery(String name) {
            return queryParams.stream().anyMatch(p -> p.name().equals(name));
        }

        @Override
        public String toString() { return key(); }
    }

    public static List<Op> all() {
        if (cached == null) cached = List.copyOf(load(spec()));
        return cached;
    }

    public static Op find(String key) {
        return all().stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
    }

    public static boolean exists(String key) { return find(key) != null; }

    @SuppressWarnings("unchecked")
    static List<Op> load(Map<String, Object> spec) {
        List<Op> out = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) spec.getOrDefault("paths", Map.of());
        paths.forEach((path, itemObj) -> {
            Map<String, Object> item = (Map<String, Object>) itemObj;
            List<Object> shared = (List<Object>) item.getOrDefault("parameters", List.of());
            for (String m : METHODS) {
                if (!item.containsKey(m)) continue;
                Map<String, Object> op = (Map<String, Object>) item.get(m);
                Map<String, Param> params = new LinkedHashMap<>();
                for (Object p : shared) addParam(spec, params, p);
                for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) addParam(spec, params, p);
                Set<String> roles = new LinkedHashSet<>();
                for (Object r : (List<Object>) op.getOrDefault("x-roles", List.of())) roles.add(String.valueOf(r));
                Map<String, Object> body = null;
                boolean bodyRequired = false;
                Object rb = op.get("requestBody");
                if (rb != null) {
                    Map<String, Object> rbm = (Map<String, Object>) resolve(spec, rb);
                    bodyRequired = Boolean.TRUE.equals(rbm.get("required"));
                    Map<String, Object> content = (Map<String, Object>) rbm.getOrDefault("content", Map.of());
                    Object json = content.get("application/json");
                    if (json == null && !content.isEmpty()) json = content.values().iterator().next();
                    if (json != null) body = (Map<String, Object>) resolve(spec, ((Map<String, Object>) json).get("schema"));
                    if (body == null) body = Map.of("type", "object");
                }
                Set<String> responses = new LinkedHashSet<>();
                ((Map<String, Object>) op.getOrDefault("responses", Map.of())).keySet().forEach(k -> responses.add(String.valueOf(k)));
                List<Param> pathParams = params.values().stream().filter(p -> p.in().equals("path")).toList();
                List<Param> query = params.values().stream().filter(p -> p.in().equals("query")).toList();
                boolean idem = params.values().stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key"));
                out.add(new Op(m.toUpperCase(Locale.ROOT), path, String.valueOf(op.get("operationId")), Set.copyOf(roles),
                        pathParams, query, body, bodyRequired, idem, responses));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void addParam(Map<String, Object> spec, Map<String, Param> params, Object p) {
        Map<String, Object> pm = (Map<String, Object>) resolve(spec, p);
        String name = String.valueOf(pm.get("name"));
        String in = String.valueOf(pm.get("in"));
        Map<String, Object> schema = (Map<String, Object>) resolve(spec, pm.getOrDefault("schema", Map.of("type", "string")));
        params.put(in + ":" + name, new Param(name, in, Boolean.TRUE.equals(pm.get("required")) || in.equals("path"), schema));
    }

    /** Follows a local {@code $ref} (one or several hops); anything else is returned as is. */
    @SuppressWarnings("unchecked")
    public static Object resolve(Map<String, Object> spec, Object node) {
        int hops = 0;
        while (node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref && hops++ < 20) {
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $ref supported: " + ref);
            Object cur = spec;
            for (String part : ref.substring(2).split("/")) {
                cur = ((Map<String, Object>) cur).get(part.replace("~1", "/").replace("~0", "~"));
                if (cur == null) throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
            node = cur;
        }
        return node;
    }

    /** Resolves against the project's spec. */
    public static Object resolve(Object node) {
        return resolve(spec(), node);
    }

    static Map<String, Object> spec() {
        if (spec == null) spec = Specs.openApi();
        return spec;
    }
}
