package com.zhidian.bench.cold;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One cold start, in a fresh JVM: loads the handler class by its Handler name, builds an
 * APIGatewayV2HTTPEvent for one GET route (claims under requestContext.authorizer.jwt.claims), invokes
 * handleRequest once and prints one line when the answer is there. The parent measures from process
 * start to that line. Deliberately small: nothing here loads what a handler would not load itself.
 * <pre>
 * java [JVM options] -Daws.endpointUrlDynamoDb=... -DTABLE_NAME=... com.zhidian.bench.cold.ColdProbe event.properties
 * </pre>
 * event.properties: handler, routeKey, rawPath, rawQuery, path.NAME=value, claim.NAME=value.
 */
public final class ColdProbe {
    private ColdProbe() {}

    public static void main(String[] args) throws Exception {
        long mainEpochMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Properties p = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            p.load(in);
        }
        String handler = p.getProperty("handler");
        int sep = handler.indexOf("::");
        String className = sep < 0 ? handler : handler.substring(0, sep);

        Class<?> cls = Class.forName(className);
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> fn =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) cls.getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();

        APIGatewayV2HTTPEvent event = event(p);
        APIGatewayV2HTTPResponse response = fn.handleRequest(event, new ProbeContext());
        long t2 = System.nanoTime();
        System.out.println("BENCH-COLD status=" + response.getStatusCode() + " mainEpochMillis=" + mainEpochMillis
                + " initMicros=" + (t1 - t0) / 1000 + " invokeMicros=" + (t2 - t1) / 1000);
        System.out.flush();
        if (response.getStatusCode() >= 300) {
            System.out.println("BENCH-BODY " + response.getBody());
            System.out.flush();
        }
        // a training run for an AppCDS archive (-XX:ArchiveClassesAtExit) needs a normal exit; samples do not wait for it
        if ("normal".equals(System.getProperty("bench.exit"))) System.exit(0);
        Runtime.getRuntime().halt(0);
    }

    private static APIGatewayV2HTTPEvent event(Properties p) {
        String routeKey = p.getProperty("routeKey");
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        Map<String, String> path = new HashMap<>();
        Map<String, String> claims = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("path.")) path.put(name.substring(5), p.getProperty(name));
            if (name.startsWith("claim.")) claims.put(name.substring(6), p.getProperty(name));
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(p.getProperty("rawPath"));
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent("bench-cold-probe");
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        rc.setAccountId("000000000000");
        rc.setApiId("HttpApi");
        rc.setDomainName("localhost");
        rc.setDomainPrefix("localhost");
        rc.setHttp(http);
        rc.setRequestId("cold-" + System.nanoTime());
        rc.setRouteKey(routeKey);
        rc.setStage("$default");
        rc.setTimeEpoch(System.currentTimeMillis());
        rc.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(routeKey);
        e.setRawPath(p.getProperty("rawPath"));
        e.setRawQueryString(p.getProperty("rawQuery", ""));
        Map<String, String> headers = new HashMap<>();
        headers.put("accept", "application/json");
        headers.put("host", "localhost");
        e.setHeaders(headers);
        e.setPathParameters(path.isEmpty() ? null : path);
        e.setRequestContext(rc);
        return e;
    }

    private static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return "cold-probe"; }
        @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 15_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.println(message); }
                @Override public void log(byte[] message) { System.out.println(new String(message)); }
            };
        }
    }
}
