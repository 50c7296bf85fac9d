package com.zhidian.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.zhidian.core.Json;
import com.zhidian.core.Log;
import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.core.tenancy.TenantDirectory.Standing;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The entry point every HTTP function shares: body limit, caller from the verified claims, tenant
 * standing, per-tenant rate limit, role check, Idempotency-Key on POSTs, audit of every change, and one
 * mapping of failures to problem+json. Subclasses only declare their routes.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Routes routes;
    private final Platform platform;

    protected ApiFunction(Routes routes, Platform platform) {
        this.routes = routes;
        this.platform = platform;
    }

    public Routes routes() { return routes; }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        String requestId = requestId(event, context);
        Caller caller = null;
        Response response;
        RequestScope scope = null;
        try {
            caller = callerOf(event);
            scope = RequestScope.enter(caller == null ? null : caller.tenantId());
            response = dispatch(scope, event, caller, requestId);
        } catch (ApiException e) {
            response = Problem.of(e, event.getRawPath(), language(event));
        } catch (com.zhidian.core.errors.DomainException e) {
            // a claimed route's transaction refused after the route answered (a stock decrease that another request
            // got to first): the context's own problem, as if the route had thrown it
            response = Problem.of(routes.problems().toProblem(e, language(event)), event.getRawPath(), language(event));
        } catch (RuntimeException e) {
            if (AwsClients.isUnavailable(e)) {
                Log.warn("dependency unavailable", fields(event, caller, requestId, 503, start, e.toString()));
                response = Problem.of(ApiException.unavailable("a backing service is unavailable; retry shortly")
                        .inChinese("后台服务暂时不可用，请稍后重试"), event.getRawPath(), language(event));
            } else {
                Log.error("unhandled failure", fields(event, caller, requestId, 500, start, null), e);
                response = Problem.of(new ApiException(500, "Internal error", "an unexpected error; reference " + requestId, null)
                        .inChinese("意外错误；参考编号 " + requestId), event.getRawPath(), language(event));
            }
        } finally {
            if (scope != null) scope.exit();
        }
        Log.info("request", fields(event, caller, requestId, response.status(), start, null));
        return toApiGateway(response, requestId);
    }

    /** The largest body a route takes: the stage's limit, unless a function's route needs more (a photo). */
    protected long maxBodyBytes(String routeKey) {
        return platform.maxBodyBytes();
    }

    private Response dispatch(RequestScope scope, APIGatewayV2HTTPEvent event, Caller caller, String requestId) {
        Routes.Entry entry = routes.find(event.getRouteKey());
        if (entry == null) throw ApiException.notFound("route " + event.getRouteKey());
        String body = event.getBody();
        long limit = maxBodyBytes(event.getRouteKey());
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw ApiException.tooLarge(limit);
        }
        Request request = new Request(event, caller, requestId);
        if (!entry.roles().isEmpty()) {
            if (caller == null) throw ApiException.unauthorized("a bearer token is required").inChinese("需要登录（Bearer 令牌）");
            admit(caller, readAheadKey(entry, request));
            if (!entry.roles().contains(caller.role())) {
                throw ApiException.forbidden("role " + caller.role().claim() + " may not do this")
                        .inChinese("角色 " + caller.role().claim() + " 无权执行此操作");
            }
        }
        String method = method(event);
        String key = request.header("idempotency-key");
        AfterWrites after = platform.afterWrites();
        Response response;
        if ("POST".equals(method) && key != null && caller != null) {
            String keyScope = Idempotency.scope(caller);
            String fingerprint = event.getRouteKey() + "\n" + event.getRawPath() + "\n" + Json.canonical(request.bodyText());
            if (entry.claimed()) {
                return Response.of(platform.idempotency().runClaimed(scope, keyScope, key, fingerprint,
                        () -> entry.route().handle(request), answer -> auditEntry(event, caller, requestId, answer.status())));
            }
            response = Response.of(platform.idempotency().run(scope, keyScope, key, fingerprint, () -> entry.route().handle(request), after));
        } else {
            response = entry.route().handle(request);
        }
        boolean answerStored = !after.isEmpty();
        if (!"GET".equals(method) && response.status() < 400 && caller != null && !"true".equals(response.headers().get("Idempotent-Replayed"))) {
            try {
                after.put(auditEntry(event, caller, requestId, response.status()));
            } catch (RuntimeException e) {
                Log.error("audit entry failed", Map.of("requestId", requestId), e);
            }
        }
        flush(after, answerStored, requestId);
        return response;
    }

    /**
     * The stored answer of an Idempotency-Key must be written before the client sees the answer (a failure is
     * the caller's 503: the transaction's claim still refuses a second run); the audit entry alone is best effort.
     */
    private static void flush(AfterWrites after, boolean answerStored, String requestId) {
        try {
            after.flush();
        } catch (RuntimeException e) {
            if (answerStored) throw e;
            Log.error("audit write failed", Map.of("requestId", requestId), e);
        }
    }

    /** A suspended or unknown tenant's users are refused everywhere; each tenant has its own rate. */
    private void admit(Caller caller, ReadAhead.Key ahead) {
        if (caller.tenantId() == null) return;
        Standing standing = ahead == null ? platform.tenants().standing(caller.tenantId())
                : platform.tenants().standing(caller.tenantId(), ahead);
        if (standing == null || !standing.active()) throw ApiException.forbidden("this tenant is suspended").inChinese("该商户已停用").withCode("tenant.suspended");
        if (!platform.limiter().tryAcquire(caller.tenantId(), standing.plan())) {
            throw ApiException.tooManyRequests("this tenant's request rate is over its plan's limit").inChinese("该商户的请求频率超出套餐上限");
        }
    }

    /** Null when the route reads nothing ahead, or its key cannot be made from the request (the route then reports why). */
    private static ReadAhead.Key readAheadKey(Routes.Entry entry, Request request) {
        if (entry.readAhead() == null || request.caller() == null || request.caller().tenantId() == null) return null;
        try {
            return entry.readAhead().apply(request);
        } catch (ApiException e) {
            return null;
        }
    }

    private static Caller callerOf(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) return null;
        Map<String, String> claims = ctx.getAuthorizer().getJwt().getClaims();
        return claims == null || claims.isEmpty() ? null : Caller.fromClaims(claims);
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> auditEntry(
            APIGatewayV2HTTPEvent event, Caller caller, String requestId, int status) {
        var http = event.getRequestContext().getHttp();
        return platform.audit().item(caller.tenantId(), new AuditLog.Entry(platform.audit().now(), actor(caller),
                caller.role().claim(), event.getRouteKey(), event.getRawPath(), status,
                http == null ? null : http.getSourceIp(), requestId));
    }

    /**
     * Who the audit names. A customer's login name holds the phone number, which an erasure must remove; the
     * member id does not, and the trail outlives the phone (400 days).
     */
    private static String actor(Caller caller) {
        return caller.is(Role.CUSTOMER) && caller.memberId() != null ? "member:" + caller.memberId() : caller.username();
    }

    /** The reader's language (Accept-Language), for problem details. */
    private static Language language(APIGatewayV2HTTPEvent event) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return Language.EN;
        String v = h.get("accept-language");
        return Language.of(v != null ? v : h.get("Accept-Language"));
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        String rk = event.getRouteKey();
        return rk == null ? "" : rk.substring(0, Math.max(0, rk.indexOf(' ')));
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
    }

    private static Map<String, Object> fields(APIGatewayV2HTTPEvent event, Caller caller, String requestId, int status,
                                              long start, String error) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("requestId", requestId);
        f.put("tenantId", caller == null ? null : caller.tenantId());
        f.put("routeKey", event.getRouteKey());
        f.put("status", status);
        f.put("durationMs", (System.nanoTime() - start) / 1_000_000.0);
        if (error != null) f.put("error", error);
        return f;
    }

    private static APIGatewayV2HTTPResponse toApiGateway(Response r, String requestId) {
        Map<String, String> headers = new HashMap<>(r.headers());
        headers.put("x-request-id", requestId);
        String body = null;
        if (r.body() instanceof Response.Binary bin) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(headers)
                    .withBody(java.util.Base64.getEncoder().encodeToString(bin.bytes())).withIsBase64Encoded(true).build();
        }
        if (r.body() instanceof Response.Raw raw) {
            body = raw.text();
        } else if (r.body() != null) {
            body = Json.write(r.body());
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }

    /** Roles shorthand for route tables. */
    protected static java.util.Set<Role> roles(Role... roles) {
        return java.util.Set.of(roles);
    }
}
