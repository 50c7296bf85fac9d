package com.zhidian.local.aws;

import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * AWS's JSON protocols (awsJson1_0 as DynamoDB speaks it, awsJson1_1 as Cognito does;
 * https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html): every operation is a POST to {@code /} named by
 * {@code X-Amz-Target: <ServicePrefix>.<Operation>}, with a JSON body in and out, and errors as an HTTP status and
 * {@code {"__type", "message"}}.
 */
public final class AwsJson {
    public static final String JSON_1_0 = "application/x-amz-json-1.0";
    public static final String JSON_1_1 = "application/x-amz-json-1.1";

    private AwsJson() {}

    /** The operation of {@code X-Amz-Target} when it names the service {@code prefix} ("Service."), else null. */
    public static String operation(String target, String prefix) {
        return target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : null;
    }

    /** The error body, {@code {"__type": ..., "message": ...}} and the service's extra members. */
    public static byte[] errorBody(AwsServiceException e) {
        var body = Json.object();
        body.put("__type", e.wireType());
        if (e.getMessage() != null) body.put(e.messageField(), e.getMessage());
        if (e.extra() != null) body.setAll(e.extra());
        return Json.bytes(body);
    }

    /**
     * Writes an answer in one write: status, Content-Type, Content-Length, {@code x-amzn-RequestId},
     * {@code x-amzn-ErrorType} when {@code errorType} is not null, {@code x-amz-crc32} (the body's CRC32, which
     * DynamoDB sends and its SDK checks) when {@code crc32} is not negative, and {@code Connection: close} when the
     * connection ends after it.
     */
    public static void write(OutputStream out, int status, String contentType, byte[] body, String requestId,
                             String errorType, long crc32, boolean close) throws IOException {
        String head = Http11Writer.statusLine(status)
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + requestId + "\r\n"
                + (errorType == null ? "" : "x-amzn-ErrorType: " + errorType + "\r\n")
                + (crc32 < 0 ? "" : "x-amz-crc32: " + crc32 + "\r\n")
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        Http11Writer.write(out, head, body, body.length);
    }
}
