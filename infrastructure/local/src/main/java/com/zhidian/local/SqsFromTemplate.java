package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.local.aws.Json;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.sqs.SqsLocal;
import com.zhidian.local.sqs.SqsQueue;
import com.zhidian.local.template.Intrinsics;
import com.zhidian.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the template's SQS queues and the Lambda event source mappings that feed functions from them: every
 * {@code AWS::SQS::Queue} is created in the SQS stand-in (its RedrivePolicy pointing at the dead-letter queue it names),
 * and every {@code Type: SQS} event of a function gets a poller that receives up to {@code BatchSize} messages (long
 * polling), invokes the function with an SQSEvent shaped as AWS's, and deletes the records it did not report as batch
 * item failures ({@code FunctionResponseTypes: [ReportBatchItemFailures]}); when the function throws, nothing is deleted
 * and the records return after their visibility timeout, as in AWS.
 */
final class SqsFromTemplate implements AutoCloseable {
    record Source(String functionId, String queueName, int batchSize, boolean reportsFailures, long windowMillis) {
        Source(String functionId, String queueName, int batchSize, boolean reportsFailures) {
            this(functionId, queueName, batchSize, reportsFailures, 0);
        }
    }

    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean closed;
    private final List<Source> sources = new ArrayList<>();

    static SqsFromTemplate wire(SamTemplate template, Intrinsics intrinsics, SqsLocal sqs, Map<String, LambdaFunction> functions,
                                String region) {
        SqsFromTemplate w = new SqsFromTemplate();
        Map<String, String> nameByArn = new LinkedHashMap<>();
        List<String> ids = template.resourcesOfType("AWS::SQS::Queue");
        for (String id : ids) nameByArn.put(intrinsics.evaluate(Map.of("Fn::GetAtt", List.of(id, "Arn"))), intrinsics.queueName(id));
        Set<String> made = new HashSet<>();
        for (int pass = 0; pass < ids.size() + 1 && made.size() < ids.size(); pass++) {
            for (String id : ids) {
                String name = intrinsics.queueName(id);
                if (made.contains(name)) continue;
                Map<String, Object> p = template.properties(id);
                Map<String, String> attrs = new LinkedHashMap<>();
                if (p.get("VisibilityTimeout") != null) attrs.put("VisibilityTimeout", intrinsics.evaluate(p.get("VisibilityTimeout")));
                if (p.get("DelaySeconds") != null) attrs.put("DelaySeconds", intrinsics.evaluate(p.get("DelaySeconds")));
                Map<String, Object> redrive = SamTemplate.map(p.get("RedrivePolicy"));
                if (!redrive.isEmpty()) {
                    String dlq = nameByArn.get(intrinsics.evaluate(redrive.get("deadLetterTargetArn")));
                    if (dlq == null || sqs.queue(dlq) == null) continue; // its dead-letter queue first
                    attrs.put("RedrivePolicy", Json.write(Map.of("deadLetterTargetArn", sqs.queue(dlq).arn(),
                            "maxReceiveCount", intrinsics.evaluate(redrive.get("maxReceiveCount")))));
                }
                sqs.create(name, attrs);
                made.add(name);
            }
        }
        for (SamTemplate.FunctionDef f : template.functions()) {
            SamTemplate.map(template.properties(f.logicalId()).get("Events")).forEach((eventName, ev) -> {
                Map<String, Object> e = SamTemplate.map(ev);
                if (!"SQS".equals(e.get("Type"))) return;
                Map<String, Object> p = SamTemplate.map(e.get("Properties"));
                String queue = nameByArn.get(intrinsics.evaluate(p.get("Queue")));
                if (queue == null || sqs.queue(queue) == null) {
                    System.err.println("[zhidian-local] SQS event " + eventName + " of " + f.logicalId() + " names no queue of the template");
                    return;
                }
                int batch = p.get("BatchSize") == null ? 10 : Integer.parseInt(intrinsics.evaluate(p.get("BatchSize")));
                boolean reports = String.valueOf(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
                // as Lambda: a batch of more than 10 needs a batching window (up to 10,000 records then, gathered for the window)
                long window = p.get("MaximumBatchingWindowInSeconds") == null ? 0
                        : 1000L * Integer.parseInt(intrinsics.evaluate(p.get("MaximumBatchingWindowInSeconds")));
                w.start(new Source(f.logicalId(), queue, window > 0 ? Math.min(batch, 10_000) : Math.min(batch, 10), reports, window),
                        sqs.queue(queue), functions.get(f.logicalId()), region);
            });
        }
        return w;
    }

    List<Source> sources() { return List.copyOf(sources); }

    private void start(Source s, SqsQueue queue, LambdaFunction function, String region) {
        sources.add(s);
        Thread t = new Thread(() -> {
            while (!closed) {
                List<SqsQueue.Msg> got = new ArrayList<>(queue.take(Math.min(s.batchSize(), 10), -1, 500));
                if (got.isEmpty()) continue;
                // the batching window: more receives until the batch is full or the window since the first one has passed
                long until = System.currentTimeMillis() + s.windowMillis();
                while (got.size() < s.batchSize() && !closed) {
                    long left = until - System.currentTimeMillis();
                    if (left <= 0) break;
                    got.addAll(queue.take(s.batchSize() - got.size(), -1, left));
                }
                deliver(s, queue, function, region, got);
            }
        }, "sqs-poller-" + s.functionId());
        t.setDaemon(true);
        t.start();
        pollers.add(t);
    }

    /** One invocation with the batch; what was processed is deleted. */
    static void deliver(Source s, SqsQueue queue, LambdaFunction function, String region, List<SqsQueue.Msg> got) {
        Map<String, String> receipts = new LinkedHashMap<>();
        // the event object itself (the events library's SQSEvent, as AWS's runtime builds it from the JSON it receives:
        // Records[] of messageId, receiptHandle, body, md5OfBody, attributes, messageAttributes, eventSource, eventSourceARN, awsRegion)
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (SqsQueue.Msg m : got) {
            String receipt = queue.receiptOf(m);
            receipts.put(m.id(), receipt);
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.id());
            r.setReceiptHandle(receipt);
            r.setBody(m.body());
            r.setMd5OfBody(md5(m.body()));
            r.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(m.receiveCount()),
                    "SentTimestamp", Long.toString(System.currentTimeMillis())));
            r.setMessageAttributes(Map.of());
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queue.arn());
            r.setAwsRegion(region);
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        Set<String> failed = new HashSet<>();
        try {
            Object answer = function.invoke(event);
            if (s.reportsFailures() && answer != null) {
                JsonNode n = Json.MAPPER.valueToTree(answer);
                for (JsonNode f : n.path("batchItemFailures")) failed.add(f.path("itemIdentifier").asText());
            }
        } catch (Throwable t) {
            System.err.println("[zhidian-local] " + s.functionId() + " failed on an SQS batch; its records return after the visibility timeout: " + t);
            return;
        }
        receipts.forEach((id, receipt) -> {
            if (failed.contains(id)) return;
            try {
                queue.delete(receipt);
            } catch (RuntimeException e) {
                // its visibility ran out and another receive took it: that receive deletes it
            }
        });
    }

    private static String md5(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : pollers) t.interrupt();
    }
}
