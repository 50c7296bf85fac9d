package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.sqs.SqsQueue;
import com.zhidian.local.template.SamTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for Lambda's event source mappings of DynamoDB streams: every {@code Type: DynamoDB} event of a function
 * in template.yaml is a mapping that gets the table's stream records its {@code FilterCriteria} patterns match, and
 * invokes the function with {@code {"Records": [...]}} in batches of at most {@code BatchSize}, each record with its
 * {@code eventSourceARN}: the DynamodbEvent shape of AWS (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
 * Records are read from the DynamoDB stand-in through the Streams API (ListStreams, DescribeStream, GetShardIterator
 * LATEST at start, GetRecords), as Lambda's pollers do.
 *
 * <p>A local economy: AWS runs one poller per event source mapping; here one reader per table's stream shard calls
 * GetRecords once and fans each record out to every mapping, so a write is serialised and parsed once, not once per
 * mapping (bench/journal/orders.md). Each mapping still keeps what is its own on AWS: its filter, batch size, retries,
 * on-failure destination and its own delivery thread fed by its own buffer, so a slow or failing function does not
 * hold back another. The buffer is bounded ({@link #BUFFER_RECORDS} records plus one page): only a mapping that falls
 * that far behind makes the reader wait, and with it the other mappings.
 *
 * <p>A failing batch is retried up to {@code MaximumRetryAttempts} (default 2 here, at most 5; AWS retries until the
 * record expires) after a short exponential backoff ({@link #retryDelayMs}), as Lambda backs off, and then skipped,
 * logged; with a {@code DestinationConfig: OnFailure} SQS queue the skipped batch's invocation record goes there, as
 * Lambda sends it (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html: {@code requestContext},
 * {@code responseContext}, {@code version}, {@code timestamp}, {@code DDBStreamBatchInfo} with the shard, the first and
 * last sequence numbers, their approximate arrival, the batch size and the stream's ARN), so no batch vanishes.
 *
 * <p>Filter patterns: the subset of Lambda's event filtering that matches values: nested objects, and arrays of
 * strings, numbers or booleans meaning "equals one of" (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
 */
final class DynamoStreamsFromTemplate implements AutoCloseable {
    /** {@code onFailure}: the logical id of the SQS queue of {@code DestinationConfig.OnFailure} (null: none). */
    record Mapping(String functionId, String eventName, int batchSize, int maxRetries, List<JsonNode> filters, String onFailure) {}

    /** Where a mapping's skipped batches go: its on-failure queue and the function's ARN the record names. */
    record Destinations(java.util.function.Function<String, SqsQueue> queueOf, java.util.function.Function<String, String> functionArn) {}

    /** Records a mapping may hold undelivered before the reader waits for it. */
    static final int BUFFER_RECORDS = 10_000;
    /** GetRecords' own maximum: one call serves every mapping, whatever their batch sizes. */
    private static final int READ_LIMIT = 1000;
    private static final long IDLE_POLL_MS = 20;
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean held;

    private DynamoStreamsFromTemplate(URI endpoint) {
        this.endpoint = endpoint;
    }

    static List<Mapping> read(SamTemplate template) {
        List<Mapping> out = new ArrayList<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, Object> events = SamTemplate.map(template.properties(f.logicalId()).get("Events"));
            events.forEach((name, ev) -> {
                Map<String, Object> e = SamTemplate.map(ev);
                if (!"DynamoDB".equals(e.get("Type"))) return;
                Map<String, Object> p = SamTemplate.map(e.get("Properties"));
                List<JsonNode> filters = new ArrayList<>();
                Object criteria = SamTemplate.map(p.get("FilterCriteria")).get("Filters");
                if (criteria instanceof List<?> list) {
                    for (Object o : list) {
                        Object pattern = SamTemplate.map(o).get("Pattern");
                        try {
                            if (pattern != null) filters.add(Json.parse(String.valueOf(pattern).getBytes()));
                        } catch (IOException bad) {
                            throw new IllegalStateException(f.logicalId() + "." + name + ": FilterCriteria pattern is not JSON: " + pattern);
                        }
                    }
                }
                int batch = p.get("BatchSize") == null ? 100 : Integer.parseInt(String.valueOf(p.get("BatchSize")));
                int retries = p.get("MaximumRetryAttempts") == null ? 2 : Integer.parseInt(String.valueOf(p.get("MaximumRetryAttempts")));
                Object destination = SamTemplate.map(SamTemplate.map(p.get("DestinationConfig")).get("OnFailure")).get("Destination");
                out.add(new Mapping(f.logicalId(), name, batch, Math.min(retries, 5), filters, SamTemplate.refName(destination)));
            });
        }
        return out;
    }

    /** Starts one delivery thread per mapping and one reader of the table's stream, from its end (LATEST) at start. */
    static DynamoStreamsFromTemplate start(SamTemplate template, URI dynamoEndpoint, String tableName,
                                           Map<String, LambdaFunction> functions, Destinations destinations) {
        DynamoStreamsFromTemplate s = new DynamoStreamsFromTemplate(dynamoEndpoint);
        List<Mapping> mappings = read(template);
        if (mappings.isEmpty()) return s;
        String arn = s.streamArn(tableName);
        ObjectNode shardRequest = arn == null ? null : shardIteratorRequest(s, arn);
        List<Subscriber> subscribers = new ArrayList<>();
        for (Mapping m : mappings) {
            if (arn == null) throw new IllegalStateException(m.functionId() + "." + m.eventName() + ": table " + tableName + " has no stream");
            SqsQueue onFailure = m.onFailure() == null ? null : destinations.queueOf().apply(m.onFailure());
            if (m.onFailure() != null && onFailure == null) {
                throw new IllegalStateException(m.functionId() + "." + m.eventName() + ": OnFailure names no SQS queue of the template: " + m.onFailure());
            }
            Failures failures = new Failures(onFailure, destinations.functionArn().apply(m.functionId()), shardRequest.path("ShardId").asText(), arn);
            subscribers.add(new Subscriber(m, functions.get(m.functionId()), failures, new Buffer(BUFFER_RECORDS)));
        }
        String iterator = s.call("GetShardIterator", shardRequest).path("ShardIterator").asText();
        for (Subscriber sub : subscribers) s.thread("zhidian-local-stream-" + sub.mapping().functionId(), () -> s.deliverAll(sub));
        s.thread("zhidian-local-stream-reader", () -> s.readAll(arn, iterator, subscribers));
        return s;
    }

    private void thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static ObjectNode shardIteratorRequest(DynamoStreamsFromTemplate s, String arn) {
        JsonNode d = s.call("DescribeStream", Json.object().put("StreamArn", arn)).path("StreamDescription");
        return Json.object().put("StreamArn", arn).put("ShardId", d.path("Shards").path(0).path("ShardId").asText())
                .put("ShardIteratorType", "LATEST");
    }

    /** How many records the mappings handed to functions (for the admin API and tests). */
    long delivered() { return delivered.get(); }

    /** The wait before retry number {@code retry} (1, 2, …) of a failed batch: 100 ms, doubling, at most 3.2 s. */
    static long retryDelayMs(int retry) {
        return 100L << Math.min(Math.max(retry - 1, 0), 5);
    }

    private String streamArn(String tableName) {
        JsonNode streams = call("ListStreams", Json.object().put("TableName", tableName)).path("Streams");
        return streams.isEmpty() ? null : streams.get(0).path("StreamArn").asText();
    }

    /** A mapping, its function and what it has still to deliver. */
    private record Subscriber(Mapping mapping, LambdaFunction function, Failures failures, Buffer buffer) {}

    /** The reader: one GetRecords for all mappings; each record goes to the buffer of every mapping whose filter matches. */
    private void readAll(String arn, String firstIterator, List<Subscriber> subscribers) {
        String iterator = firstIterator;
        List<List<JsonNode>> pages = new ArrayList<>();
        for (int i = 0; i < subscribers.size(); i++) pages.add(new ArrayList<>());
        while (!closed) {
            try {
                if (held) {
                    Thread.sleep(IDLE_POLL_MS);
                    continue;
                }
                JsonNode answer = call("GetRecords", Json.object().put("ShardIterator", iterator).put("Limit", READ_LIMIT));
                for (JsonNode r : answer.path("Records")) {
                    ((ObjectNode) r).put("eventSourceARN", arn); // shared, read-only, by every mapping given it
                    for (int i = 0; i < subscribers.size(); i++) {
                        if (matchesAny(subscribers.get(i).mapping().filters(), r)) pages.get(i).add(r);
                    }
                }
                for (int i = 0; i < subscribers.size(); i++) {
                    if (pages.get(i).isEmpty()) continue;
                    subscribers.get(i).buffer().putAll(pages.get(i));
                    pages.get(i).clear();
                }
                iterator = answer.path("NextShardIterator").asText();
                if (answer.path("Records").isEmpty()) Thread.sleep(IDLE_POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) return;
                pages.forEach(List::clear); // the page is read again from the same iterator
                System.err.println("[zhidian-local] stream reader: " + e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** A mapping's delivery thread: batches of at most BatchSize from its buffer, one after the other. */
    private void deliverAll(Subscriber s) {
        while (!closed) {
            try {
                List<JsonNode> records = s.buffer().take(s.mapping().batchSize());
                ArrayNode batch = Json.MAPPER.createArrayNode();
                batch.addAll(records);
                deliver(s.mapping(), s.function(), batch, s.failures());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) return;
                System.err.println("[zhidian-local] stream delivery of " + s.mapping().functionId() + ": " + e);
            }
        }
    }

    private void deliver(Mapping m, LambdaFunction f, ArrayNode batch, Failures failures) throws InterruptedException {
        ObjectNode event = Json.object();
        event.set("Records", batch);
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) Thread.sleep(retryDelayMs(attempt));
            try {
                f.invoke(event);
                delivered.addAndGet(batch.size());
                return;
            } catch (Throwable t) {
                if (attempt >= m.maxRetries()) {
                    boolean kept = failures.queue() != null;
                    System.err.println("[zhidian-local] " + m.functionId() + " failed on a stream batch of " + batch.size()
                            + " records after " + (attempt + 1) + " attempts, skipped" + (kept ? ", its invocation record sent to "
                            + failures.queue().name() : "") + ": " + t);
                    if (kept) failures.queue().send(Json.write(failures.record(batch, attempt + 1, java.time.Instant.now())));
                    return;
                }
            }
        }
    }

    /**
     * A mapping's undelivered records, in stream order. Bounded: the reader waits while it holds {@code capacity} or
     * more, then adds a whole page (so a page is never split between batches by the wait).
     */
    static final class Buffer {
        private final ArrayDeque<JsonNode> records = new ArrayDeque<>();
        private final int capacity;

        Buffer(int capacity) {
            this.capacity = capacity;
        }

        synchronized void putAll(List<JsonNode> page) throws InterruptedException {
            while (records.size() >= capacity) wait();
            records.addAll(page);
            notifyAll();
        }

        /** Waits for at least one record, then takes up to {@code max}. */
        synchronized List<JsonNode> take(int max) throws InterruptedException {
            while (records.isEmpty()) wait();
            List<JsonNode> out = new ArrayList<>(Math.min(max, records.size()));
            while (out.size() < max && !records.isEmpty()) out.add(records.poll());
            notifyAll();
            return out;
        }

        synchronized int size() { return records.size(); }
    }

    /** A mapping's on-failure destination (null queue: none) and what its invocation records name. */
    record Failures(SqsQueue queue, String functionArn, String shardId, String streamArn) {
        /**
         * The invocation record of a batch skipped after {@code invokeCount} invocations (Lambda's shape for DynamoDB
         * streams): where the batch lies in the stream, not its records; a reader fetches them with GetShardIterator
         * AT_SEQUENCE_NUMBER while the stream holds them.
         */
        ObjectNode record(ArrayNode batch, int invokeCount, java.time.Instant now) {
            JsonNode first = batch.get(0).path("dynamodb"), last = batch.get(batch.size() - 1).path("dynamodb");
            ObjectNode r = Json.object();
            r.putObject("requestContext").put("requestId", java.util.UUID.randomUUID().toString()).put("functionArn", functionArn)
                    .put("condition", "RetryAttemptsExhausted").put("approximateInvokeCount", invokeCount);
            r.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST").put("functionError", "Unhandled");
            r.put("version", "1.0");
            r.put("timestamp", now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            r.putObject("DDBStreamBatchInfo").put("shardId", shardId)
                    .put("startSequenceNumber", first.path("SequenceNumber").asText())
                    .put("endSequenceNumber", last.path("SequenceNumber").asText())
                    .put("approximateArrivalOfFirstRecord", arrival(first))
                    .put("approximateArrivalOfLastRecord", arrival(last))
                    .put("batchSize", batch.size())
                    .put("streamArn", streamArn);
            return r;
        }

        /** ApproximateCreationDateTime (epoch seconds) as the record writes it: ISO-8601 to the second, UTC. */
        private static String arrival(JsonNode dynamodb) {
            return java.time.Instant.ofEpochSecond((long) dynamodb.path("ApproximateCreationDateTime").asDouble()).toString();
        }
    }

    /** No filters: every record. Otherwise a record any filter matches. */
    static boolean matchesAny(List<JsonNode> filters, JsonNode record) {
        if (filters.isEmpty()) return true;
        for (JsonNode f : filters) if (matches(f, record)) return true;
        return false;
    }

    static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isObject()) {
            if (value == null || !value.isObject()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!matches(e.getValue(), value.get(e.getKey()))) return false;
            }
            return true;
        }
        if (pattern.isArray()) {
            if (value == null) return false;
            for (JsonNode option : pattern) {
                if (option.isTextual() && value.isTextual() && option.asText().equals(value.asText())) return true;
                if (option.isNumber() && value.isNumber() && option.decimalValue().compareTo(value.decimalValue()) == 0) return true;
                if (option.isBoolean() && value.isBoolean() && option.asBoolean() == value.asBoolean()) return true;
            }
            return false;
        }
        return pattern.equals(value);
    }

    private JsonNode call(String operation, ObjectNode body) {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDBStreams_20120810." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        try {
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(operation + " answered " + res.statusCode() + ": " + new String(res.body()));
            }
            return Json.parse(res.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(operation + " interrupted", e);
        }
    }

    /**
     * Holds the reader (true) or lets it go on (false). A bench holds it while it times a route, so the stream
     * functions that the route's writes reach (in AWS: other Lambdas on other machines) run after the window, not in
     * it; the stream keeps the records, nothing is lost or reordered.
     */
    void hold(boolean hold) {
        held = hold;
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
    }
}
