package com.zhidian.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.Headers;
import com.zhidian.local.aws.Json;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event an HTTP API hands a Lambda function, payload format 2.0
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * headers lower-cased and joined, cookies apart, the query decoded, the request context with the JWT claims as
 * strings, and the body as text or base64.
 */
final class HttpApiEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String apiId;
    private final int port;

    HttpApiEvents(String apiId, int port) {
        this.apiId = apiId;
        this.port = port;
    }

    APIGatewayV2HTTPEvent event(BufferedExchange ex, String method, String rawPath, byte[] body, RouteTable.Match match,
                                        Map<String, Object> claims, String requestId) {
        Instant now = Instant.now();
        Headers in = ex.requestHeaders();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = null;
        for (Map.Entry<String, List<String>> e : in.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies = new ArrayList<>();
                for (String v : e.getValue()) for (String c : v.split(";")) if (!c.isBlank()) cookies.add(c.strip());
                continue;
            }
            headers.put(name, String.join(",", e.getValue()));
        }
        String sourceIp = ex.remoteAddress().getAddress().getHostAddress();
        headers.putIfAbsent("x-forwarded-for", sourceIp);
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", String.valueOf(port));
        headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + hex(12));
        String host = headers.getOrDefault("host", "localhost:" + port);

        String rawQuery = ex.uri().getRawQuery();
        Map<String, String> query = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }

        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        http.setProtocol(ex.protocol());
        http.setSourceIp(sourceIp);
        http.setUserAgent(headers.get("user-agent"));

        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        rc.setAccountId("000000000000");
        rc.setApiId(apiId);
        rc.setDomainName(host);
        rc.setDomainPrefix(host.split("[.:]")[0]);
        rc.setHttp(http);
        rc.setRequestId(requestId);
        rc.setRouteKey(match.route().routeKey());
        rc.setStage("$default");
        rc.setTime(REQUEST_TIME.format(now));
        rc.setTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            Map<String, String> c = new LinkedHashMap<>();
            claims.forEach((k, v) -> c.put(k, claimString(v)));
            jwt.setClaims(c);
            Object scope = claims.get("scope");
            jwt.setScopes(scope == null ? null : List.of(scope.toString().split(" ")));
            APIGatewayV2HTTPEvent.RequestContext.Authorizer a = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            a.setJwt(jwt);
            rc.setAuthorizer(a);
        }

        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(match.route().routeKey());
        e.setRawPath(rawPath);
        e.setRawQueryString(rawQuery == null ? "" : rawQuery);
        e.setCookies(cookies);
        e.setHeaders(headers);
        e.setQueryStringParameters(query);
        e.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        e.setRequestContext(rc);
        if (body.length > 0) {
            String text = isText(headers.get("content-type")) ? utf8(body) : null;
            if (text != null) {
                e.setBody(text);
                e.setIsBase64Encoded(false);
            } else {
                e.setBody(Base64.getEncoder().encodeToString(body));
                e.setIsBase64Encoded(true);
            }
        }
        return e;
    }

    /** Claims as API Gateway passes them: strings; numbers in decimal; arrays as {@code [a b]}. */
    private static String claimString(Object v) {
        if (v instanceof java.util.Date d) return String.valueOf(d.getTime() / 1000);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(' ');
                sb.append(l.get(i));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) return Json.write(m);
        return String.valueOf(v);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) return true;
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml") || ct.contains("javascript")
                || ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("application/graphql");
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** API Gateway's request id shape: 16 base64 characters. */
    static String requestId() {
        byte[] b = new byte[11];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).substring(0, 15) + "=";
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
