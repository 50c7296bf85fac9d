package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsJson;
import com.zhidian.local.faults.FaultSwitch;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The DynamoDB JSON 1.0 protocol: X-Amz-Target dispatch, any (or no) SigV4 signature, AWS error shapes. */
final class HttpFront {
    private static final String DDB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";

    /** An answer: status and JSON body; {@code drop} closes the connection without answering. */
    record Answer(int status, String contentType, byte[] body, boolean drop) {}

    private final Engine engine;
    final FaultSwitch faults = new FaultSwitch();
    volatile LocalDynamoDb.FaultMode faultMode = LocalDynamoDb.FaultMode.SERVICE_UNAVAILABLE;
    /** Null: every request is allowed (no IAM in front). */
    volatile AccessCheck access;

    HttpFront(Engine engine) {
        this.engine = engine;
    }

    Answer handle(String method, String target, String authorization, byte[] body) {
        faults.pause();
        if (faults.unavailable()) {
            if (faultMode == LocalDynamoDb.FaultMode.DROP_CONNECTION) return new Answer(0, null, null, true);
            return error(new DynamoException("ServiceUnavailableException", 503, "Service is unavailable (fault injected by Zhidian Local)"));
        }
        if ("GET".equals(method)) return new Answer(200, "text/plain", "healthy: local-dynamodb".getBytes(), false);
        if (target == null) return error(new DynamoException("UnknownOperationException", 400, null));
        String op;
        try {
            JsonNode req = body.length == 0 ? Codec.F.objectNode() : Codec.MAPPER.readTree(body);
            AccessCheck a = access;
            if (a != null) {
                Answer denied = a.check(authorization, target.substring(target.indexOf('.') + 1), req);
                if (denied != null) return denied;
            }
            ObjectNode res;
            if ((op = AwsJson.operation(target, DDB)) != null) res = engine.handle(op, req);
            else if ((op = AwsJson.operation(target, STREAMS)) != null) res = engine.handleStreams(op, req);
            else throw new DynamoException("UnknownOperationException", 400, null);
            return new Answer(200, AwsJson.JSON_1_0, Codec.MAPPER.writeValueAsBytes(res), false);
        } catch (DynamoException e) {
            return error(e);
        } catch (JsonProcessingException e) {
            return error(new DynamoException("SerializationException", 400, "Unable to parse the request body as JSON"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | StackOverflowError e) {
            e.printStackTrace();
            return error(new DynamoException("InternalServerError", 500, "Internal error: " + e));
        }
    }

    private static Answer error(DynamoException e) {
        return new Answer(e.status(), AwsJson.JSON_1_0, AwsJson.errorBody(e), false);
    }
}
