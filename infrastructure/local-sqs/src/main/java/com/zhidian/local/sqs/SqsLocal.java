package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsJson;
import com.zhidian.local.aws.AwsQuery;
import com.zhidian.local.aws.AwsServiceException;
import com.zhidian.local.aws.Json;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Amazon SQS stand-in speaking the JSON protocol the current AWS SDK v2 {@code SqsClient} uses (awsJson1_0,
 * {@code X-Amz-Target: AmazonSQS.<Operation>}; https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/):
 * CreateQueue, GetQueueUrl, Get/SetQueueAttributes, ListQueues, PurgeQueue, DeleteQueue, SendMessage, SendMessageBatch,
 * ReceiveMessage, DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility(Batch). Standard queues with the visibility timeout, the receive count and a
 * redrive policy that moves a message to its dead-letter queue once it was received {@code maxReceiveCount} times.
 * A request without {@code X-Amz-Target} is the older query protocol ({@link SqsQuery}): the same operations, XML answers.
 * Signatures are not checked.
 */
public final class SqsLocal implements AutoCloseable {
    static final String PREFIX = "AmazonSQS.";
    static final String ACCOUNT = "000000000000";
    private static final int MAX_BODY = 1024 * 1024;

    private final Http11Server server;
    private final Map<String, SqsQueue> queues = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    private SqsLocal(String host, int port) throws IOException {
        server = new Http11Server(host, port, 64, "sqs-local", MAX_BODY, this::answer);
    }

    public static SqsLocal start(String host, int port) {
        try {
            return new SqsLocal(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SQS stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() { return URI.create("http://localhost:" + server.port()); }

    public void setClock(Clock clock) { this.clock = clock; }

    public Clock clock() { return clock; }

    /** The queue of that name, or null (for Zhidian Local's poller and the tests). */
    public SqsQueue queue(String name) { return queues.get(name); }

    public String queueUrl(String name) { return endpoint() + "/" + ACCOUNT + "/" + name; }

    /** Creates the queue (as CreateQueue does: the same name and attributes again is fine) and returns it. */
    public SqsQueue create(String name, Map<String, String> attributes) {
        SqsQueue q = queues.computeIfAbsent(name, n -> new SqsQueue(n, queueUrl(n), "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + n, this));
        q.configure(attributes, false);
        return q;
    }

    SqsQueue byArn(String arn) {
        for (SqsQueue q : queues.values()) if (q.arn().equals(arn)) return q;
        return null;
    }

    private boolean answer(Socket s, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        String requestId = UUID.randomUUID().toString();
        if (head.headers().getFirst("X-Amz-Target") == null) return answerQuery(head, body, close, out, requestId);
        try {
            if (body.length > MAX_BODY) throw SqsErrors.tooLong();
            String op = AwsJson.operation(head.headers().getFirst("X-Amz-Target"), PREFIX);
            if (!"POST".equals(head.method()) || op == null) {
                throw new SqsErrors.Error("UnknownOperationException", 400, "Missing or unknown X-Amz-Target", null);
            }
            JsonNode req;
            try {
                req = Json.parse(body);
            } catch (IOException e) {
                throw new SqsErrors.Error("InvalidParameterValue", 400, "the body is not JSON", "InvalidParameterValue");
            }
            AwsJson.write(out, 200, AwsJson.JSON_1_0, Json.bytes(dispatch(op, req)), requestId, null, -1, close);
        } catch (SqsErrors.Error e) {
            writeError(out, e, requestId, close);
        } catch (RuntimeException e) {
            AwsServiceException internal = new AwsServiceException("InternalError", 500, e.toString());
            AwsJson.write(out, 500, AwsJson.JSON_1_0, AwsJson.errorBody(internal), requestId, internal.type(), -1, close);
        }
        return true;
    }

    /** The query protocol (no X-Amz-Target): {@code Action=...} in a form body or the query string, XML back. */
    private boolean answerQuery(Http11Reader.Head head, byte[] body, boolean close, OutputStream out, String requestId) throws IOException {
        int q = head.target().indexOf('?');
        String path = q < 0 ? head.target() : head.target().substring(0, q);
        AwsQuery query = AwsQuery.of(head.method(), q < 0 ? null : head.target().substring(q + 1), body);
        if ("POST".equals(head.method()) && query.get("Action") == null && q >= 0) query = AwsQuery.parse(head.target().substring(q + 1));
        String action = query.get("Action");
        int status = 200;
        String xml;
        try {
            if (action == null || !QUERY_ACTIONS.contains(action)) {
                throw new SqsErrors.Error("InvalidAction", 400, "The action " + action + " is not valid for this endpoint.", "InvalidAction");
            }
            xml = SqsQuery.response(action, dispatch(action, SqsQuery.request(query, path)), requestId);
        } catch (SqsErrors.Error e) {
            status = e.status();
            xml = SqsQuery.error(e, requestId);
        } catch (RuntimeException e) {
            status = 500;
            xml = SqsQuery.error(new SqsErrors.Error("InternalError", 500, e.toString(), "InternalError"), requestId);
        }
        byte[] bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http11Writer.write(out, Http11Writer.statusLine(status) + "Content-Type: text/xml\r\nContent-Length: " + bytes.length
                + "\r\nx-amzn-RequestId: " + requestId + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n", bytes, bytes.length);
        return true;
    }

    private static final java.util.Set<String> QUERY_ACTIONS = java.util.Set.of("CreateQueue", "GetQueueUrl", "GetQueueAttributes",
            "SetQueueAttributes", "ListQueues", "PurgeQueue", "DeleteQueue", "SendMessage", "SendMessageBatch", "ReceiveMessage",
            "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch");

    /** An error as SQS's JSON protocol sends it, with the query protocol's code in {@code x-amzn-query-error}. */
    private static void writeError(OutputStream out, SqsErrors.Error e, String requestId, boolean close) throws IOException {
        byte[] body = AwsJson.errorBody(e);
        String head = Http11Writer.statusLine(e.status())
                + "Content-Type: " + AwsJson.JSON_1_0 + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + requestId + "\r\n"
                + "x-amzn-ErrorType: " + e.type() + "\r\n"
                + (e.queryCode() == null ? "" : "x-amzn-query-error: " + e.queryCode() + ";Sender\r\n")
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        Http11Writer.write(out, head, body, body.length);
    }

    ObjectNode dispatch(String op, JsonNode req) {
        return switch (op) {
            case "CreateQueue" -> createQueue(req);
            case "GetQueueUrl" -> {
                String name = text(req, "QueueName");
                if (!queues.containsKey(name)) throw SqsErrors.noQueue();
                yield Json.object().put("QueueUrl", queueUrl(name));
            }
            case "GetQueueAttributes" -> {
                List<String> names = new java.util.ArrayList<>();
                req.path("AttributeNames").forEach(n -> names.add(n.asText()));
                yield queue(req).attributes(names);
            }
            case "SetQueueAttributes" -> {
                queue(req).configure(stringMap(req.path("Attributes")), true);
                yield Json.object();
            }
            case "ListQueues" -> listQueues(req);
            case "PurgeQueue" -> {
                queue(req).purge();
                yield Json.object();
            }
            case "DeleteQueue" -> {
                queues.remove(queue(req).name());
                yield Json.object();
            }
            case "SendMessage" -> queue(req).send(req, clock.instant());
            case "SendMessageBatch" -> sendBatch(queue(req), req);
            case "ReceiveMessage" -> queue(req).receive(req);
            case "DeleteMessage" -> {
                queue(req).delete(text(req, "ReceiptHandle"));
                yield Json.object();
            }
            case "DeleteMessageBatch" -> deleteBatch(queue(req), req);
            case "ChangeMessageVisibilityBatch" -> changeVisibilityBatch(queue(req), req);
            case "ChangeMessageVisibility" -> {
                queue(req).changeVisibility(text(req, "ReceiptHandle"), req.path("VisibilityTimeout").asInt(-1), clock.instant());
                yield Json.object();
            }
            default -> throw new SqsErrors.Error("UnknownOperationException", 400, "Unknown operation " + op, null);
        };
    }

    private ObjectNode createQueue(JsonNode req) {
        String name = text(req, "QueueName");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new SqsErrors.Error("InvalidParameterValue", 400, "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length", "InvalidParameterValue");
        }
        Map<String, String> attrs = stringMap(req.path("Attributes"));
        // the same name with other attribute values is QueueNameExists (API reference, CreateQueue)
        SqsQueue existing = queues.get(name);
        if (existing != null) {
            existing.checkSame(attrs);
        } else {
            SqsQueue fresh = new SqsQueue(name, queueUrl(name), "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name, this);
            fresh.configure(attrs, true);
            if (queues.putIfAbsent(name, fresh) != null) queues.get(name).checkSame(attrs);
        }
        return Json.object().put("QueueUrl", queueUrl(name));
    }

    private static Map<String, String> stringMap(JsonNode o) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private ObjectNode listQueues(JsonNode req) {
        String prefix = text(req, "QueueNamePrefix");
        ObjectNode out = Json.object();
        ArrayNode urls = Json.MAPPER.createArrayNode();
        queues.keySet().stream().sorted().filter(n -> prefix == null || n.startsWith(prefix)).forEach(n -> urls.add(queueUrl(n)));
        if (!urls.isEmpty()) out.set("QueueUrls", urls);
        return out;
    }

    private ObjectNode sendBatch(SqsQueue q, JsonNode req) {
        JsonNode entries = entries(req);
        // the whole batch counts against 256 KiB: BatchRequestTooLong (API reference, SendMessageBatch)
        long total = 0;
        for (JsonNode e : entries) {
            String body = text(e, "MessageBody");
            try {
                total += SqsQueue.size(body == null ? "" : body, MessageAttributes.parse(e.get("MessageAttributes")));
            } catch (SqsErrors.Error ignored) {
                total += body == null ? 0 : body.length(); // refused per entry below
            }
        }
        if (total > SqsQueue.MAX_SIZE) {
            throw new SqsErrors.Error("BatchRequestTooLong", 400, "Batch requests cannot be longer than 262144 bytes. You have sent " + total + " bytes.",
                    "AWS.SimpleQueueService.BatchRequestTooLong");
        }
        return batch(entries, e -> q.send(e, clock.instant()));
    }

    private ObjectNode deleteBatch(SqsQueue q, JsonNode req) {
        return batch(entries(req), e -> {
            q.delete(text(e, "ReceiptHandle"));
            return Json.object();
        });
    }

    private ObjectNode changeVisibilityBatch(SqsQueue q, JsonNode req) {
        return batch(entries(req), e -> {
            q.changeVisibility(text(e, "ReceiptHandle"), e.path("VisibilityTimeout").asInt(-1), clock.instant());
            return Json.object();
        });
    }

    /** A batch's answer: each entry's result with its Id under Successful, or its error under Failed (SenderFault). */
    private static ObjectNode batch(JsonNode entries, java.util.function.Function<JsonNode, ObjectNode> each) {
        ObjectNode out = Json.object();
        ArrayNode ok = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode e : entries) {
            try {
                ok.add(each.apply(e).put("Id", text(e, "Id")));
            } catch (SqsErrors.Error err) {
                failed.add(Json.object().put("Id", text(e, "Id")).put("Code", err.type()).put("Message", err.getMessage()).put("SenderFault", true));
            }
        }
        return out;
    }

    private static JsonNode entries(JsonNode req) {
        JsonNode entries = req.path("Entries");
        if (!entries.isArray() || entries.isEmpty()) throw new SqsErrors.Error("EmptyBatchRequest", 400, "There should be at least one entry in the request.", "AWS.SimpleQueueService.EmptyBatchRequest");
        if (entries.size() > 10) throw new SqsErrors.Error("TooManyEntriesInBatchRequest", 400, "Maximum number of entries per request are 10.", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode e : entries) {
            String id = text(e, "Id");
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,80}")) {
                throw new SqsErrors.Error("InvalidBatchEntryId", 400, "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
                        "AWS.SimpleQueueService.InvalidBatchEntryId");
            }
            if (!ids.add(id)) throw new SqsErrors.Error("BatchEntryIdsNotDistinct", 400, "Id " + text(e, "Id") + " repeated.", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
        }
        return entries;
    }

    private SqsQueue queue(JsonNode req) {
        String url = text(req, "QueueUrl");
        if (url == null) throw new SqsErrors.Error("MissingParameter", 400, "The request must contain the parameter QueueUrl.", "MissingParameter");
        String name = url.substring(url.lastIndexOf('/') + 1);
        SqsQueue q = queues.get(name);
        if (q == null) throw SqsErrors.noQueue();
        return q;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every queue's name (Zhidian Local's status page). */
    public List<String> names() { return List.copyOf(queues.keySet()); }

    @Override
    public void close() {
        server.close();
    }
}
