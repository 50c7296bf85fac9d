package com.zhidian.local.gateway;

import com.zhidian.local.template.SamTemplate.RouteDef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API route selection: path templates with {@code {param}} and greedy {@code {proxy+}}, methods and
 * {@code ANY}, and {@code $default}. When several routes match, the most specific wins, as API Gateway
 * picks it: a literal segment beats a parameter, a parameter beats a greedy one, a method beats ANY.
 */
public final class RouteTable {

    /** A matched route with its path parameters (decoded). */
    public record Match(RouteDef route, Map<String, String> pathParameters) {}

    private record Compiled(RouteDef def, String[] segments, int[] kinds, String[] names) {}

    private static final int LITERAL = 0, PARAM = 1, GREEDY = 2;

    private final List<Compiled> routes = new ArrayList<>();
    private RouteDef defaultRoute;

    public RouteTable(List<RouteDef> defs) {
        for (RouteDef d : defs) {
            if (d.isDefault()) {
                defaultRoute = d;
                continue;
            }
            String[] segs = split(d.path());
            int[] kinds = new int[segs.length];
            String[] names = new String[segs.length];
            for (int i = 0; i < segs.length; i++) {
                String s = segs[i];
                if (s.startsWith("{") && s.endsWith("+}")) {
                    kinds[i] = GREEDY;
                    names[i] = s.substring(1, s.length() - 2);
                } else if (s.startsWith("{") && s.endsWith("}")) {
                    kinds[i] = PARAM;
                    names[i] = s.substring(1, s.length() - 1);
                } else {
                    kinds[i] = LITERAL;
                }
            }
            routes.add(new Compiled(d, segs, kinds, names));
        }
    }

    public int size() { return routes.size() + (defaultRoute == null ? 0 : 1); }

    /**
     * The route for a request: the most specific route that takes its method and path, else {@code $default}, else
     * null (an API without {@code $default}: API Gateway then answers 404 {"message":"Not Found"}).
     */
    public Match match(String method, String rawPath) {
        String[] path = split(rawPath);
        Compiled best = null;
        Map<String, String> bestParams = null;
        for (Compiled c : routes) {
            if (!c.def.method().equals("ANY") && !c.def.method().equals(method)) continue;
            Map<String, String> params = tryMatch(c, path);
            if (params == null) continue;
            if (best == null || moreSpecific(c, best)) {
                best = c;
                bestParams = params;
            }
        }
        if (best != null) return new Match(best.def, bestParams);
        if (defaultRoute != null) return new Match(defaultRoute, Map.of());
        return null;
    }

    private static boolean moreSpecific(Compiled a, Compiled b) {
        int n = Math.max(a.kinds.length, b.kinds.length);
        for (int i = 0; i < n; i++) {
            int ka = i < a.kinds.length ? a.kinds[i] : GREEDY + 1;
            int kb = i < b.kinds.length ? b.kinds[i] : GREEDY + 1;
            if (ka != kb) return ka < kb;
        }
        boolean aAny = a.def.method().equals("ANY"), bAny = b.def.method().equals("ANY");
        return !aAny && bAny;
    }

    private static Map<String, String> tryMatch(Compiled c, String[] path) {
        Map<String, String> params = null;
        int n = c.segments.length;
        boolean greedy = n > 0 && c.kinds[n - 1] == GREEDY;
        if (greedy ? path.length < n : path.length != n) return null;
        for (int i = 0; i < n; i++) {
            switch (c.kinds[i]) {
                case LITERAL -> {
                    if (!c.segments[i].equals(path[i])) return null;
                }
                case PARAM -> {
                    if (path[i].isEmpty()) return null;
                    if (params == null) params = new LinkedHashMap<>();
                    params.put(c.names[i], decode(path[i]));
                }
                default -> {
                    StringBuilder sb = new StringBuilder();
                    for (int j = i; j < path.length; j++) {
                        if (j > i) sb.append('/');
                        sb.append(path[j]);
                    }
                    if (sb.isEmpty()) return null;
                    if (params == null) params = new LinkedHashMap<>();
                    params.put(c.names[i], decode(sb.toString()));
                }
            }
        }
        return params == null ? Map.of() : params;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) return new String[0];
        return p.split("/", -1);
    }
}
