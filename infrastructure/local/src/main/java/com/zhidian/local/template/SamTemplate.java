package com.zhidian.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an AWS SAM template that Zhidian Local acts on: functions (handler, environment, timeout,
 * memory), their {@code HttpApi} events (routes and authorization), the HTTP API's authorizers, DynamoDB
 * tables and the Cognito user pool. Everything else in the template is ignored, as {@code sam local} does.
 */
public final class SamTemplate {

    /** One route of the HTTP API, as an {@code HttpApi} event of a function declares it; a null path is {@code $default}. */
    public record RouteDef(String method, String path, String functionId, String authorizer, List<String> scopes) {
        /** API Gateway's route key, e.g. {@code POST /members/{memberId}} or {@code $default}. */
        public String routeKey() {
            return isDefault() ? "$default" : method + " " + path;
        }

        /** The route API Gateway picks when no other matches the request's method and path. */
        public boolean isDefault() { return path == null; }

        public boolean isPublic() { return authorizer == null; }
    }

    /** One {@code AWS::Serverless::Function}. */
    public record FunctionDef(String logicalId, String handler, Map<String, Object> environment,
                              int timeoutSeconds, int memoryMb, List<RouteDef> routes) {}

    /** A {@code AWS::DynamoDB::Table} or {@code AWS::Serverless::SimpleTable}. */
    public record TableDef(String logicalId, String type, Map<String, Object> properties) {}

    /** A JWT authorizer of an HTTP API. Issuer and audience are usually intrinsic functions. */
    public record JwtAuthorizerDef(String name, Object issuer, Object audience, String identitySource) {}

    private final Path path;
    private final Map<String, Object> root;
    private final Map<String, Object> resources;
    private final List<FunctionDef> functions = new ArrayList<>();
    private final List<TableDef> tables = new ArrayList<>();
    private final Map<String, String> apiDefaultAuthorizer = new LinkedHashMap<>();
    private final Map<String, JwtAuthorizerDef> authorizers = new LinkedHashMap<>();

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
        this.resources = map(root.get("Resources"));
        parse();
    }

    public static SamTemplate load(Path path) {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new SamTemplate(path, CfnYaml.load(r));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(null, CfnYaml.load(new java.io.StringReader(yaml)));
    }

    /**
     * Finds {@code template.yaml} by walking up from {@code start}; the first directory that holds one wins.
     */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public Path path() { return path; }

    public Map<String, Object> root() { return root; }

    public Map<String, Object> resources() { return resources; }

    public List<FunctionDef> functions() { return functions; }

    public List<TableDef> tables() { return tables; }

    public List<RouteDef> routes() {
        List<RouteDef> all = new ArrayList<>();
        functions.forEach(f -> all.addAll(f.routes()));
        return all;
    }

    public Map<String, JwtAuthorizerDef> authorizers() { return authorizers; }

    /** Logical ids of resources of a type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources.forEach((id, r) -> { if (type.equals(map(r).get("Type"))) ids.add(id); });
        return ids;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    public String typeOf(String logicalId) {
        Object t = map(resources.get(logicalId)).get("Type");
        return t == null ? null : t.toString();
    }

    /** Default value of a template parameter, if it has one. */
    public Optional<Object> parameterDefault(String name) {
        return Optional.ofNullable(map(map(root.get("Parameters")).get(name)).get("Default"));
    }

    private void parse() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> globalEnv = map(map(globals.get("Environment")).get("Variables"));

        // HTTP APIs first: the default authorizer of each decides which routes need a token.
        for (String id : resourcesOfType("AWS::Serverless::HttpApi")) {
            Map<String, Object> auth = map(properties(id).get("Auth"));
            Object def = auth.get("DefaultAuthorizer");
            if (def != null) apiDefaultAuthorizer.put(id, def.toString());
            map(auth.get("Authorizers")).forEach((name, a) -> {
                Map<String, Object> am = map(a);
                Map<String, Object> jwt = map(am.get("JwtConfiguration"));
                Object identity = am.getOrDefault("IdentitySource", "$request.header.Authorization");
                authorizers.put(name, new JwtAuthorizerDef(name, jwt.get("issuer"), jwt.get("audience"),
                        String.valueOf(identity)));
            });
        }
        Map<String, Object> globalApiAuth = map(map(map(root.get("Globals")).get("HttpApi")).get("Auth"));

        resources.forEach((id, raw) -> {
            Map<String, Object> r = map(raw);
            String type = String.valueOf(r.get("Type"));
            Map<String, Object> p = map(r.get("Properties"));
            switch (type) {
                case "AWS::Serverless::Function" -> {
                    Object handler = p.containsKey("Handler") ? p.get("Handler") : globals.get("Handler");
                    Map<String, Object> env = new LinkedHashMap<>(globalEnv);
                    env.putAll(map(map(p.get("Environment")).get("Variables")));
                    int timeout = intOf(p.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)), 3);
                    int memory = intOf(p.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128)), 128);
                    List<RouteDef> routes = new ArrayList<>();
                    map(p.get("Events")).forEach((eventName, ev) -> {
                        Map<String, Object> em = map(ev);
                        if (!"HttpApi".equals(em.get("Type"))) return;
                        Map<String, Object> ep = map(em.get("Properties"));
                        String apiId = refName(ep.get("ApiId"));
                        Object pathObj = ep.get("Path");
                        Object methodObj = ep.get("Method");
                        String method = methodObj == null ? "ANY" : methodObj.toString().toUpperCase(Locale.ROOT);
                        if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || method.equals("*")) method = "ANY";
                        Map<String, Object> evAuth = map(ep.get("Auth"));
                        String authorizer;
                        if (evAuth.containsKey("Authorizer")) {
                            authorizer = String.valueOf(evAuth.get("Authorizer"));
                        } else if (apiId != null) {
                            authorizer = apiDefaultAuthorizer.get(apiId);
                        } else {
                            Object g = globalApiAuth.get("DefaultAuthorizer");
                            authorizer = g == null ? null : g.toString();
                        }
                        if ("NONE".equals(authorizer)) authorizer = null;
                        List<String> scopes = new ArrayList<>();
                        if (evAuth.get("AuthorizationScopes") instanceof List<?> l) l.forEach(s -> scopes.add(String.valueOf(s)));
                        routes.add(new RouteDef(method, defaultRoute(pathObj) ? null : pathObj.toString(), id, authorizer,
                                List.copyOf(scopes)));
                    });
                    functions.add(new FunctionDef(id, handler == null ? null : handler.toString(), env, timeout, memory,
                            List.copyOf(routes)));
                }
                case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> tables.add(new TableDef(id, type, p));
                default -> { }
            }
        });
    }

    /** SAM's {@code $default} route: {@code Path: $default} (any Method), or neither Path nor Method given. */
    private static boolean defaultRoute(Object path) {
        return path == null || path.toString().equals("$default") || path.toString().equals("/$default");
    }

    /** The logical id a {@code !Ref X} or {@code !GetAtt X.Attr} points to, or a plain string as it is. */
    public static String refName(Object o) {
        if (o == null) return null;
        if (o instanceof Map<?, ?> m) {
            if (m.get("Ref") != null) return m.get("Ref").toString();
            if (m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty()) return l.get(0).toString();
            return null;
        }
        return o.toString();
    }

    private static int intOf(Object o, int dflt) {
        if (o instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(o));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
