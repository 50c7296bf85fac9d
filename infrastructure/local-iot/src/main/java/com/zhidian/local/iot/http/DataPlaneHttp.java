package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.iot.broker.Broker;
import com.zhidian.local.iot.http.AwsHttp.AwsError;
import com.zhidian.local.iot.http.AwsHttp.Request;
import com.zhidian.local.iot.http.AwsHttp.Response;
import com.zhidian.local.iot.shadow.ShadowException;
import com.zhidian.local.iot.shadow.ShadowJson;
import com.zhidian.local.iot.shadow.ShadowService;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The IoT data-plane HTTP API (device-shadow-rest-api.html; the {@code iotdataplane} SDK):
 * UpdateThingShadow {@code POST /things/{thing}/shadow?name=}, GetThingShadow {@code GET}, DeleteThingShadow
 * {@code DELETE}, ListNamedShadowsForThing {@code GET /api/things/shadow/ListNamedShadowsForThing/{thing}}
 * and Publish {@code POST /topics/{topic}}. Shadow errors carry the documented code and message; over HTTP
 * they are not published on MQTT. Requests are not signature-checked locally.
 */
public final class DataPlaneHttp implements AutoCloseable {
    private static final String SHADOW_PATH = "^/things/[^/]+/shadow$";
    private static final String LIST_PREFIX = "/api/things/shadow/ListNamedShadowsForThing/";
    /** IoT Core quotas: "Message size: 128 KB" (the payload of a Publish). */
    static final int MAX_PAYLOAD_BYTES = 128 * 1024;
    private final HttpServer server;
    private final URI endpoint;
    private final ShadowService shadows;
    private final Broker broker;
    private final Clock clock;

    private DataPlaneHttp(String host, int port, ShadowService shadows, Broker broker, Clock clock) {
        this.shadows = shadows;
        this.broker = broker;
        this.clock = clock;
        this.server = HttpExchanges.start(host, port, "local-iot-data", this::handle);
        this.endpoint = HttpExchanges.endpoint(server, host);
    }

    public static DataPlaneHttp start(String host, int port, ShadowService shadows, Broker broker, Clock clock) {
        return new DataPlaneHttp(host, port, shadows, broker, clock);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The API without its server, for another HTTP server to carry. */
    public AwsHttp.Handler handler() {
        return this::handle;
    }

    private Response handle(Request request) {
        String path = request.path();
        if (path.matches(SHADOW_PATH)) {
            return shadow(request, path.split("/")[2]);
        }
        if (path.startsWith(LIST_PREFIX)) {
            allow(request, "GET");
            return list(request, path.substring(LIST_PREFIX.length()));
        }
        if (path.startsWith("/topics/")) {
            allow(request, "POST");
            String topic = path.substring("/topics/".length());
            if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
                throw new AwsError(400, "InvalidRequestException", "Invalid topic: " + topic);
            }
            String qos = request.query().getOrDefault("qos", "0");
            if (!qos.equals("0") && !qos.equals("1")) {
                throw new AwsError(400, "InvalidRequestException", "qos must be 0 or 1");
            }
            if (request.body().length > MAX_PAYLOAD_BYTES) {
                throw new AwsError(413, "RequestEntityTooLargeException", ShadowException.TOO_LARGE);
            }
            // Publish (API reference): "retain" is a boolean query parameter, false unless given; an empty
            // retained payload deletes the topic's retained message
            broker.publish(topic, request.body(), "true".equalsIgnoreCase(request.query().get("retain")));
            return new Response(200, new byte[0], "application/json");
        }
        throw new AwsError(404, "ResourceNotFoundException", "No route for " + request.method() + " " + path);
    }

    /** A known path with another verb: 405, "the specified combination of HTTP verb and URI is not supported". */
    private static void allow(Request request, String method) {
        if (!request.method().equals(method)) {
            throw new AwsError(405, "MethodNotAllowedException", "The specified method is not allowed.");
        }
    }

    private Response shadow(Request request, String thing) {
        AwsHttp.require(AwsHttp.THING_NAME, thing, "thing name");
        String name = request.query().get("name");
        if (name != null) {
            AwsHttp.require(AwsHttp.SHADOW_NAME, name, "shadow name");
        }
        try {
            return switch (request.method()) {
                case "POST" -> Response.json(shadows.update(thing, name, request.body()));
                case "GET" -> Response.json(shadows.get(thing, name, null));
                case "DELETE" -> Response.json(shadows.delete(thing, name, null));
                default -> throw new AwsError(405, "MethodNotAllowedException",
                        "The specified method is not allowed.");
            };
        } catch (ShadowException e) {
            throw new AwsError(e.code(), errorType(e.code()), e.getMessage());
        }
    }

    private Response list(Request request, String thing) {
        AwsHttp.require(AwsHttp.THING_NAME, thing, "thing name");
        int pageSize = 25;
        String size = request.query().get("pageSize");
        if (size != null) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                pageSize = 0;
            }
            if (pageSize < 1 || pageSize > 100) {
                throw new AwsError(400, "InvalidRequestException", "pageSize must be between 1 and 100");
            }
        }
        String after = request.query().get("nextToken");
        List<String> page = shadows.namedShadows(thing, after, pageSize + 1);
        ObjectNode body = ShadowJson.object();
        ArrayNode results = body.putArray("results");
        page.stream().limit(pageSize).forEach(results::add);
        if (page.size() > pageSize) {
            body.put("nextToken", page.get(pageSize - 1));
        }
        body.put("timestamp", clock.instant().getEpochSecond());
        return Response.json(body);
    }

    /** The data-plane exception names the SDK maps each documented shadow code to. */
    static String errorType(int code) {
        return switch (code) {
            case 400 -> "InvalidRequestException";
            case 401 -> "UnauthorizedException";
            case 404 -> "ResourceNotFoundException";
            case 409 -> "ConflictException";
            case 413 -> "RequestEntityTooLargeException";
            case 415 -> "UnsupportedDocumentEncodingException";
            case 429 -> "ThrottlingException";
            default -> "InternalFailureException";
        };
    }

    @Override
    public void close() {
        HttpExchanges.stop(server);
    }
}
