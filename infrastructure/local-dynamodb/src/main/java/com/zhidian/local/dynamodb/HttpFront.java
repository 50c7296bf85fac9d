package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.CRC32;

/** The DynamoDB JSON 1.0 protocol over HTTP: X-Amz-Target dispatch, any (or no) SigV4 signature, AWS error shapes. */
final class HttpFront implements HttpHandler {
    private static final String DDB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";

    private final Engine engine;
    volatile boolean unavailable;
    volatile LocalDynamoDb.FaultMode faultMode = LocalDynamoDb.FaultMode.SERVICE_UNAVAILABLE;
    volatile Duration latency = Duration.ZERO;

    HttpFront(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Duration d = latency;
            if (!d.isZero() && !d.isNegative()) {
                try {
                    Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = readAll(ex.getRequestBody());
            if (unavailable) {
                if (faultMode == LocalDynamoDb.FaultMode.DROP_CONNECTION) {
                    ex.getHttpContext(); // close without a response: the client sees the connection drop
                    ex.getResponseBody().close();
                    return;
                }
                DynamoException e = new DynamoException("ServiceUnavailableException", 503, "Service is unavailable (fault injected by Zhidian Local)");
                sendError(ex, e);
                return;
            }
            if ("GET".equals(ex.getRequestMethod())) {
                send(ex, 200, "text/plain", ("healthy: local-dynamodb").getBytes());
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            if (target == null) {
                sendError(ex, new DynamoException("UnknownOperationException", 400, null));
                return;
            }
            ObjectNode res;
            try {
                JsonNode req = body.length == 0 ? Codec.F.objectNode() : Codec.MAPPER.readTree(body);
                if (target.startsWith(DDB)) res = engine.handle(target.substring(DDB.length()), req);
                else if (target.startsWith(STREAMS)) res = engine.handleStreams(target.substring(STREAMS.length()), req);
                else throw new DynamoException("UnknownOperationException", 400, null);
            } catch (DynamoException e) {
                sendError(ex, e);
                return;
            } catch (JsonProcessingException e) {
                sendError(ex, new DynamoException("SerializationException", 400, "Unable to parse the request body as JSON"));
                return;
            } catch (RuntimeException | StackOverflowError e) {
                e.printStackTrace();
                sendError(ex, new DynamoException("InternalServerError", 500, "Internal error: " + e));
                return;
            }
            send(ex, 200, "application/x-amz-json-1.0", Codec.MAPPER.writeValueAsBytes(res));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void sendError(HttpExchange ex, DynamoException e) throws IOException {
        ObjectNode o = e.extra != null ? e.extra.deepCopy() : Codec.F.objectNode();
        ObjectNode body = Codec.F.objectNode();
        body.put("__type", e.fullType());
        if (e.getMessage() != null) body.put(e.type.equals("TransactionCanceledException") ? "Message" : "message", e.getMessage());
        body.setAll(o);
        send(ex, e.status, "application/x-amz-json-1.0", Codec.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] out) throws IOException {
        CRC32 c = new CRC32();
        c.update(out);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.getResponseHeaders().set("x-amz-crc32", Long.toString(c.getValue()));
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }
}
