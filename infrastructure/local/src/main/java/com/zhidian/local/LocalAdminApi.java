package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.gateway.Gateway;
import com.zhidian.local.gateway.LocalAuth;
import java.time.Duration;

/**
 * Zhidian Local's own endpoints under {@code /local}: sign-in for the portal, health, fault injection, scheduled
 * functions run on demand, the gateway's metrics, and the sample year's loading progress.
 */
final class LocalAdminApi implements Gateway.LocalEndpoints {
    private final ZhidianLocal local;
    private final LocalAuth auth;
    private final Faults faults;

    LocalAdminApi(ZhidianLocal local, LocalAuth auth, Faults faults) {
        this.local = local;
        this.auth = auth;
        this.faults = faults;
    }

    @Override
    public LocalAuth.Answer handle(String method, String path, JsonNode body) {
        if ("POST".equals(method) && path.startsWith("/local/schedules/")) return runSchedule(path.substring("/local/schedules/".length()));
        if ("POST".equals(method) && path.startsWith("/local/stripe/payment_intents/")) return stripeTester(path);
        return switch (method + " " + path) {
            case "POST /local/auth/login" -> auth.login(body);
            case "POST /local/auth/code" -> auth.sendCode(body);
            case "POST /local/auth/sign-up" -> auth.signUp(body);
            case "POST /local/auth/join" -> auth.join(body);
            case "POST /local/auth/new-password" -> auth.newPassword(body);
            case "POST /local/auth/refresh" -> auth.refresh(body);
            case "GET /local/health" -> new LocalAuth.Answer(200, health());
            case "GET /local/faults" -> new LocalAuth.Answer(200, faults.toJson());
            case "POST /local/faults" -> new LocalAuth.Answer(200, setFault(body));
            case "DELETE /local/faults" -> {
                faults.clear();
                yield new LocalAuth.Answer(200, faults.toJson());
            }
            case "GET /local/schedules" -> new LocalAuth.Answer(200, local.scheduler().toJson());
            case "GET /local/metrics" -> new LocalAuth.Answer(200, local.metrics().toJson(local.gatewayFunctions()));
            case "GET /local/sample-year" -> new LocalAuth.Answer(200, SampleYearStatus.json());
            // wx.login for a browser standing in for the mini-program: a code2Session code for the WeChat user named
            case "POST /local/wechat/login" -> new LocalAuth.Answer(200, Json.object().put("code",
                    local.wechat().login(body.path("user").asText("local-wechat-user"))));
            case "DELETE /local/metrics" -> {
                local.metrics().reset();
                yield new LocalAuth.Answer(200, local.metrics().toJson(local.gatewayFunctions()));
            }
            default -> null;
        };
    }


    /**
     * The Stripe tester's switches through the gateway, so a browser journey or a developer on the portal's port can
     * complete or fail a payment waiting for the customer (WeChat Pay, Alipay): {@code .../payment_intents/{id}/succeed|fail}.
     */
    private LocalAuth.Answer stripeTester(String path) {
        String[] p = path.substring("/local/stripe/payment_intents/".length()).split("/");
        if (p.length != 2 || !p[0].matches("pi_[A-Za-z0-9]{1,64}") || !(p[1].equals("succeed") || p[1].equals("fail"))) {
            return new LocalAuth.Answer(404, Json.object().put("message", "no such tester action: " + path));
        }
        try {
            String json = p[1].equals("succeed") ? local.stripe().succeed(p[0]) : local.stripe().fail(p[0]);
            return new LocalAuth.Answer(200, Json.MAPPER.readTree(json));
        } catch (IllegalStateException e) {
            return new LocalAuth.Answer(409, Json.object().put("message", e.getMessage()));
        } catch (java.io.IOException e) {
            return new LocalAuth.Answer(500, Json.object().put("message", e.getMessage()));
        }
    }

    /** Runs a scheduled function now, as its EventBridge rule would; answers what the function returned. */
    private LocalAuth.Answer runSchedule(String functionId) {
        try {
            ObjectNode o = Json.object();
            o.put("function", functionId);
            o.set("result", Json.MAPPER.valueToTree(local.scheduler().runNow(functionId)));
            return new LocalAuth.Answer(200, o);
        } catch (IllegalArgumentException e) {
            return new LocalAuth.Answer(404, Json.object().put("message", e.getMessage()));
        } catch (Throwable t) {
            return new LocalAuth.Answer(500, Json.object().put("message", "the scheduled function failed: " + t));
        }
    }

    private ObjectNode setFault(JsonNode body) {
        String service = body.path("service").asText(null);
        String mode = body.path("mode").asText(null);
        if (service == null) throw new IllegalArgumentException("service is required: dynamodb or cognito");
        if (mode == null) throw new IllegalArgumentException("mode is required: down, slow or up");
        Faults.Service s;
        Faults.Mode m;
        try {
            s = Faults.Service.parse(service);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown service " + service + ": dynamodb or cognito");
        }
        try {
            m = Faults.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode " + mode + ": down, slow or up");
        }
        Duration delay = body.has("delayMs") ? Duration.ofMillis(body.path("delayMs").asLong()) : null;
        faults.set(s, m, delay);
        return faults.toJson();
    }

    private ObjectNode health() {
        ObjectNode o = Json.object();
        o.put("status", "ok");
        o.put("gatewayUrl", local.gatewayUrl());
        o.put("dynamoEndpoint", local.dynamoEndpoint() == null ? null : local.dynamoEndpoint().toString());
        o.put("tableName", local.tableName());
        o.put("cognitoEndpoint", local.cognitoEndpoint().toString());
        o.put("stsEndpoint", local.sts().endpoint().toString());
        if (local.iot() != null) {
            ObjectNode iot = o.putObject("iot");
            iot.put("mqtt", local.iot().endpoints().mqttUri());
            iot.put("dataPlane", local.iot().endpoints().dataPlane().toString());
            iot.put("controlPlane", local.iot().endpoints().controlPlane().toString());
            iot.put("rules", local.iotRules().size());
        }
        o.put("userPoolId", local.userPoolId());
        o.put("clientId", local.clientId());
        o.put("issuer", local.issuer());
        o.put("region", local.region());
        o.put("template", local.template().path() == null ? null : local.template().path().toString());
        o.put("functions", local.template().functions().size());
        o.put("routes", local.template().routes().size());
        o.put("portal", local.portalDescription());
        o.put("startMillis", local.startMillis());
        ObjectNode phases = o.putObject("startPhasesMillis");
        local.startPhases().forEach(phases::put);
        o.set("faults", faults.toJson());
        return o;
    }

}
