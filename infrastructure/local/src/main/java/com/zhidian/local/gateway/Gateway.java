package com.zhidian.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.zhidian.local.aws.Json;
import com.zhidian.local.template.SamTemplate.RouteDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The local HTTP API: matches a route of the template, checks the JWT as the route's authorizer would,
 * builds the payload format 2.0 event, invokes the function in-process and maps its answer as API Gateway
 * does. Also serves {@code /local/*} (auth, health, faults, metrics) and the static portal.
 */
public final class Gateway implements AutoCloseable {
    private static final byte[] NOT_FOUND = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED = "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FORBIDDEN = "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8);
    /** API Gateway's payload limit (HTTP APIs: 10 MB). */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final byte[] TOO_LARGE = "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INTERNAL = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);

    /** Handles one {@code /local/...} request: method, path, body → answer; null when unknown. */
    public interface LocalEndpoints {
        LocalAuth.Answer handle(String method, String path, JsonNode body) throws Exception;
    }

    private final ExchangeServer server;
    private final HttpApiEvents events;
    private final RouteTable routes;
    private final Map<String, LambdaFunction> functions;
    private final JwtAuthorizer authorizer;
    private final StaticPortal portal;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final LocalEndpoints local;
    private final boolean logRequests;
    private final Cors cors;
    /**
     * API requests run this many at a time; the others wait their turn in arrival order. Each request
     * crosses several loopback hops (gateway, function, stand-ins), and with more runnable threads than
     * cores every hop waits for a CPU: a queue in front keeps the same throughput with fewer switches
     * and a far shorter tail (measured in bench/README.md).
     */
    private final Semaphore turns;
    private volatile java.util.concurrent.CompletableFuture<?> ready = java.util.concurrent.CompletableFuture.completedFuture(null);

    public Gateway(String host, int port, RouteTable routes, Map<String, LambdaFunction> functions, JwtAuthorizer authorizer,
                   StaticPortal portal, LocalEndpoints local, String apiId, Cors cors, boolean logRequests, int maxConcurrent)
            throws IOException {
        if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1");
        this.turns = new Semaphore(maxConcurrent, true);
        this.routes = routes;
        this.functions = functions;
        this.authorizer = authorizer;
        this.portal = portal;
        this.local = local;
        this.cors = cors;
        this.logRequests = logRequests;
        this.server = new ExchangeServer(host, port, 256, MAX_PAYLOAD_BYTES, this::handle);
        this.events = new HttpApiEvents(apiId, server.port());
    }

    public int port() { return server.port(); }

    /** Function invocations wait for this (the table's creation) before they run. */
    public void readyWhen(java.util.concurrent.CompletableFuture<?> ready) { this.ready = ready; }

    public GatewayMetrics metrics() { return metrics; }

    public Collection<LambdaFunction> functions() { return functions.values(); }

    public RouteTable routes() { return routes; }

    @Override
    public void close() {
        server.close();
    }

    /** One request on its way through the pipeline: what the steps found so far. */
    private static final class Call {
        final BufferedExchange ex;
        final String method;
        final String rawPath;
        final long t0 = System.nanoTime();
        RouteTable.Match match;
        Map<String, Object> claims;
        APIGatewayV2HTTPEvent event;
        /** Holds one of the turns, to give back. */
        boolean turn;
        /** Answers get the CORS headers (a routed request, not the gateway's own refusals). */
        boolean cors;
        long queuedNanos;
        long handlerNanos = -1;

        Call(BufferedExchange ex) {
            this.ex = ex;
            this.method = ex.method().toUpperCase(Locale.ROOT);
            this.rawPath = ex.uri().getRawPath();
        }
    }

    /** A step of the pipeline: {@link #NEXT} to go on, or the status it answered with. */
    private interface Step {
        int apply(Call c) throws IOException;
    }

    private static final int NEXT = 0;

    /** What a request goes through, in order, until a step answers (API Gateway's order: route, authorizer, function). */
    private final Step[] pipeline = {this::refuseTooLarge, this::localEndpoints, this::matchRoute, this::corsPreflight,
            this::portalAsset, this::noRoute, this::awaitTurn, this::authorize, this::buildEvent, this::awaitTables,
            this::invoke};

    private void handle(BufferedExchange ex) {
        Call c = new Call(ex);
        int status = 500;
        try (ex) {
            for (Step step : pipeline) {
                status = step.apply(c);
                if (status != NEXT) break;
            }
        } catch (Throwable t) {
            System.err.println("[gateway] " + c.method + " " + c.rawPath + " failed in the gateway:");
            t.printStackTrace();
        } finally {
            if (c.turn) turns.release();
            long total = System.nanoTime() - c.t0;
            if (c.handlerNanos >= 0) metrics.record(total, c.handlerNanos, c.queuedNanos);
            if (logRequests) System.err.printf("[gateway] %s %s %d %.1f ms%n", c.method, c.rawPath, status, total / 1e6);
        }
    }

    /** API Gateway's payload limit: the server handed over one byte more than it, and closes the connection after. */
    private int refuseTooLarge(Call c) throws IOException {
        if (c.ex.body().length <= MAX_PAYLOAD_BYTES) return NEXT;
        sendJson(c, 413, TOO_LARGE);
        return 413;
    }

    private int localEndpoints(Call c) throws IOException {
        return c.rawPath.startsWith("/local/") ? handleLocal(c) : NEXT;
    }

    private int matchRoute(Call c) {
        c.match = routes.match(c.method, c.rawPath);
        return NEXT;
    }

    /** A CORS preflight that no route of its own answers is the API's (its CorsConfiguration). */
    private int corsPreflight(Call c) throws IOException {
        if (cors == null || !Cors.isPreflight(c.method, c.ex.requestHeaders())) return NEXT;
        if (c.match != null && !c.match.route().isDefault() && !c.match.route().method().equals("ANY")) return NEXT;
        cors.preflight(c.ex.requestHeaders(), c.ex.responseHeaders());
        send(c, 204, new byte[0]);
        return 204;
    }

    /** GET and HEAD that no route but {@code $default} takes serve the portal's files (in AWS CloudFront serves them from S3). */
    private int portalAsset(Call c) throws IOException {
        if (!(c.method.equals("GET") || c.method.equals("HEAD")) || portal == null) return NEXT;
        if (c.match != null && !c.match.route().isDefault()) return NEXT;
        StaticPortal.Asset asset = portal.find(c.rawPath);
        if (asset == null) return NEXT;
        c.ex.responseHeaders().set("Content-Type", asset.contentType());
        c.ex.responseHeaders().set("Cache-Control", asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        send(c, 200, c.method.equals("HEAD") ? new byte[0] : asset.bytes());
        return 200;
    }

    /** No route and no {@code $default} route: API Gateway's own 404. */
    private int noRoute(Call c) throws IOException {
        if (c.match != null) return NEXT;
        sendJson(c, 404, NOT_FOUND);
        return 404;
    }

    private int awaitTurn(Call c) {
        long q0 = System.nanoTime();
        turns.acquireUninterruptibly();
        c.turn = true;
        c.queuedNanos = System.nanoTime() - q0;
        c.cors = cors != null;
        return NEXT;
    }

    /** The route's JWT authorizer: a valid token of the pool (401 otherwise) with one of the route's scopes (403). */
    private int authorize(Call c) throws IOException {
        RouteDef route = c.match.route();
        if (route.isPublic()) return NEXT;
        try {
            c.claims = authorizer.verify(c.ex.requestHeaders().getFirst("Authorization"));
        } catch (JwtAuthorizer.Rejected r) {
            if (logRequests) System.err.println("[gateway] 401 " + c.method + " " + c.rawPath + ": " + r.getMessage());
            c.ex.responseHeaders().set("www-authenticate", "Bearer");
            sendJson(c, 401, UNAUTHORIZED);
            return 401;
        }
        if (!route.scopes().isEmpty() && !hasScope(c.claims, route.scopes())) {
            sendJson(c, 403, FORBIDDEN);
            return 403;
        }
        return NEXT;
    }

    private int buildEvent(Call c) {
        String requestId = HttpApiEvents.requestId();
        c.ex.responseHeaders().set("Apigw-Requestid", requestId);
        c.event = events.event(c.ex, c.method, c.rawPath, c.ex.body(), c.match, c.claims, requestId);
        return NEXT;
    }

    /** Functions run once the table exists (it is created while the gateway starts). */
    private int awaitTables(Call c) throws IOException {
        if (ready.isDone()) return NEXT;
        try {
            ready.join();
            return NEXT;
        } catch (RuntimeException e) {
            sendJson(c, 500, INTERNAL);
            return 500;
        }
    }

    /** Runs the function; a failure or a run past its Timeout is API Gateway's 500, as in Lambda. */
    private int invoke(Call c) throws IOException {
        RouteDef route = c.match.route();
        LambdaFunction fn = functions.get(route.functionId());
        Object result;
        long h0 = System.nanoTime();
        try {
            fn.init();
            long h1 = System.nanoTime();
            try {
                result = fn.invoke(c.event);
            } finally {
                c.handlerNanos = System.nanoTime() - h1;
            }
        } catch (Throwable t) {
            if (c.handlerNanos < 0) c.handlerNanos = System.nanoTime() - h0;
            System.err.println("[gateway] " + route.routeKey() + " (" + route.functionId() + ") failed:");
            t.printStackTrace();
            sendJson(c, 500, INTERNAL);
            return 500;
        }
        if (c.handlerNanos > fn.timeoutSeconds() * 1_000_000_000L) {
            // Lambda would have stopped the function at its Timeout: the invocation fails, API Gateway answers 500
            System.err.printf("[gateway] %s (%s): Task timed out after %d seconds (took %.1f s)%n", route.routeKey(),
                    route.functionId(), fn.timeoutSeconds(), c.handlerNanos / 1e9);
            sendJson(c, 500, INTERNAL);
            return 500;
        }
        return respond(c, c.method, result);
    }

    private static boolean hasScope(Map<String, Object> claims, List<String> required) {
        Object scope = claims.get("scope");
        if (scope == null) return false;
        for (String s : scope.toString().split(" ")) if (required.contains(s)) return true;
        return false;
    }

    private int handleLocal(Call c) throws IOException {
        JsonNode json;
        try {
            json = Json.parse(c.ex.body());
            if (!json.isObject()) throw new IOException("not an object");
        } catch (IOException e) {
            sendProblem(c, 400, Problems.badRequest(null, "the body is not a JSON object"));
            return 400;
        }
        LocalAuth.Answer a;
        try {
            a = local.handle(c.method, c.rawPath, json);
        } catch (IllegalArgumentException e) {
            sendProblem(c, 400, Problems.badRequest(null, e.getMessage()));
            return 400;
        } catch (Exception e) {
            e.printStackTrace();
            sendJson(c, 500, INTERNAL);
            return 500;
        }
        if (a == null) {
            sendJson(c, 404, NOT_FOUND);
            return 404;
        }
        byte[] bytes = Json.bytes(a.body());
        if (a.status() >= 400 && a.body().has("title")) sendProblem(c, a.status(), a.body());
        else sendJson(c, a.status(), bytes);
        return a.status();
    }

    /** Maps a handler's result as API Gateway maps a payload format 2.0 response. */
    private int respond(Call c, String method, Object result) throws IOException {
        Headers out = c.ex.responseHeaders();
        if (result instanceof APIGatewayV2HTTPResponse r) {
            return structured(c, method, r.getStatusCode(), r.getHeaders(), r.getMultiValueHeaders(), r.getCookies(),
                    r.getBody(), r.getIsBase64Encoded());
        }
        JsonNode node = result == null ? null : result instanceof String s ? tryParse(s) : Json.MAPPER.valueToTree(result);
        if (node != null && node.isObject() && node.has("statusCode")) {
            Map<String, String> headers = new LinkedHashMap<>();
            node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            Map<String, List<String>> multi = new LinkedHashMap<>();
            node.path("multiValueHeaders").fields().forEachRemaining(e -> {
                List<String> vs = new ArrayList<>();
                e.getValue().forEach(v -> vs.add(v.asText()));
                multi.put(e.getKey(), vs);
            });
            List<String> cookies = new ArrayList<>();
            node.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
            JsonNode b = node.get("body");
            String body = b == null || b.isNull() ? null : b.isTextual() ? b.asText() : b.toString();
            return structured(c, method, node.path("statusCode").asInt(), headers, multi, cookies, body,
                    node.path("isBase64Encoded").asBoolean(false));
        }
        // not a structured answer: API Gateway assumes 200 and JSON
        String body = result == null ? "" : result instanceof String s ? s : Json.write(result);
        out.set("Content-Type", "application/json");
        send(c, 200, method.equals("HEAD") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        return 200;
    }

    private static JsonNode tryParse(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private int structured(Call c, String method, int status, Map<String, String> headers,
                           Map<String, List<String>> multi, List<String> cookies, String body, boolean base64) throws IOException {
        if (status < 100 || status > 599) {
            System.err.println("[gateway] handler answered an invalid statusCode " + status + ": 500");
            sendJson(c, 500, INTERNAL);
            return 500;
        }
        Headers out = c.ex.responseHeaders();
        if (multi != null) multi.forEach((k, vs) -> { if (vs != null) vs.forEach(v -> out.add(k, v)); });
        if (headers != null) headers.forEach((k, v) -> { if (v != null) out.set(k, v); });
        if (cookies != null) cookies.forEach(cookie -> out.add("Set-Cookie", cookie));
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                System.err.println("[gateway] handler answered isBase64Encoded with a body that is not base64: 500");
                out.clear();
                sendJson(c, 500, INTERNAL);
                return 500;
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        send(c, status, method.equals("HEAD") ? new byte[0] : bytes);
        return status;
    }

    private void sendJson(Call c, int status, byte[] body) throws IOException {
        c.ex.responseHeaders().set("Content-Type", "application/json");
        send(c, status, body);
    }

    private void sendProblem(Call c, int status, JsonNode problem) throws IOException {
        c.ex.responseHeaders().set("Content-Type", "application/problem+json");
        if (status == 429 && problem.path("retryAfterSeconds").canConvertToLong()) {
            c.ex.responseHeaders().set("Retry-After", Long.toString(problem.path("retryAfterSeconds").asLong()));
        }
        send(c, status, Json.bytes(problem));
    }

    /** The answer, with the CORS headers on a routed request's answer. */
    private void send(Call c, int status, byte[] body) throws IOException {
        if (c.cors) cors.decorate(c.ex.requestHeaders(), c.ex.responseHeaders());
        c.ex.answer(status, status == 204 || status == 304 ? new byte[0] : body);
    }
}
