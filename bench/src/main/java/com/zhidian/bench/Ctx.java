package com.zhidian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the run knows: the Zhidian Local it talks to (from {@code GET /local/health}), the tokens of each
 * role, and named values ({@code tenantId}, {@code storeId}, {@code memberId}...) that fill the path
 * parameters of the routes. A name may hold several values; request {@code seq} takes value {@code seq % n}.
 */
public final class Ctx {
    public final String gateway;
    public final URI dynamoEndpoint;
    public final URI cognitoEndpoint;
    public final String userPoolId;
    public final String clientId;
    public final String tableName;
    public final String region;
    /** Unique per run: keeps the floor's own items and the fixtures' names apart from earlier runs. */
    public final String runId;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<String>> vars = new ConcurrentHashMap<>();

    public Ctx(String gateway, JsonNode health) {
        this.gateway = gateway;
        this.dynamoEndpoint = URI.create(health.path("dynamoEndpoint").asText());
        this.cognitoEndpoint = URI.create(health.path("cognitoEndpoint").asText());
        this.userPoolId = health.path("userPoolId").asText("local_zhidian");
        this.clientId = health.path("clientId").asText("zhidian-local-client");
        this.tableName = health.path("tableName").asText("zhidian");
        this.region = health.path("region").asText("cn-north-1");
        this.runId = Long.toString(System.currentTimeMillis(), 36);
    }

    /** The same Zhidian Local and run, with the provider's login and no tenant yet: for a second tenant. */
    public Ctx sibling() {
        return new Ctx(this);
    }

    private Ctx(Ctx base) {
        gateway = base.gateway;
        dynamoEndpoint = base.dynamoEndpoint;
        cognitoEndpoint = base.cognitoEndpoint;
        userPoolId = base.userPoolId;
        clientId = base.clientId;
        tableName = base.tableName;
        region = base.region;
        runId = base.runId;
        if (base.hasToken("provider")) token("provider", base.token("provider"));
    }

    public void token(String role, String token) { tokens.put(role, token); }

    public String token(String role) {
        String t = tokens.get(role);
        if (t == null) throw new IllegalStateException("no " + role + " login was set up");
        return t;
    }

    public boolean hasToken(String role) { return tokens.containsKey(role); }

    public void set(String name, String value) { vars.put(name, List.of(value)); }

    public void set(String name, List<String> values) { vars.put(name, List.copyOf(values)); }

    public void add(String name, String value) {
        vars.compute(name, (k, v) -> {
            List<String> l = v == null ? new ArrayList<>() : new ArrayList<>(v);
            l.add(value);
            return List.copyOf(l);
        });
    }

    public boolean has(String name) { return vars.containsKey(name) && !vars.get(name).isEmpty(); }

    public String get(String name) { return get(name, 0); }

    public String get(String name, long seq) {
        List<String> l = vars.get(name);
        if (l == null || l.isEmpty()) throw new IllegalStateException("no value for {" + name + "}");
        return l.get((int) Math.floorMod(seq, (long) l.size()));
    }

    public List<String> all(String name) { return vars.getOrDefault(name, List.of()); }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** Fills every {name} of a path (or any text) from the named values. */
    public String fill(String text, long seq) {
        Matcher m = PARAM.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(get(m.group(1), seq)));
        m.appendTail(sb);
        return sb.toString();
    }

    /** The path parameters of a route path, filled: {storeId → st_...}. */
    public Map<String, String> pathParameters(String routePath, long seq) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(routePath);
        while (m.find()) out.put(m.group(1), get(m.group(1), seq));
        return out;
    }

    public boolean canFill(String text) {
        Matcher m = PARAM.matcher(text);
        while (m.find()) if (!has(m.group(1))) return false;
        return true;
    }

    /** A token's claims as the HTTP API JWT authorizer passes them: strings; numbers in decimal; arrays as [a b]. */
    public static Map<String, String> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            JsonNode payload = Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Map<String, String> out = new LinkedHashMap<>();
            payload.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    StringBuilder sb = new StringBuilder("[");
                    for (int i = 0; i < v.size(); i++) sb.append(i > 0 ? " " : "").append(v.get(i).asText());
                    out.put(e.getKey(), sb.append(']').toString());
                } else {
                    out.put(e.getKey(), v.asText());
                }
            });
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT: " + e, e);
        }
    }
}
