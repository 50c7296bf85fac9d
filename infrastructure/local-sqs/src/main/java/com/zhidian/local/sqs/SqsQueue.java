package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One standard queue: messages in order of arrival, each invisible for the visibility timeout after a receive (its
 * receipt handle changes with every receive), counted, and moved to the dead-letter queue of the redrive policy when
 * a receive would exceed {@code maxReceiveCount}. Long polling ({@code WaitTimeSeconds}) waits for a message to arrive.
 */
public final class SqsQueue {
    /** A message as the queue holds it. */
    public static final class Msg {
        final String id;
        final String body;
        final String md5;
        final Instant sentAt;
        Instant visibleAt;
        int receiveCount;
        Instant firstReceiveAt;
        String receipt;

        Msg(String id, String body, Instant sentAt, Instant visibleAt) {
            this.id = id;
            this.body = body;
            this.md5 = md5(body);
            this.sentAt = sentAt;
            this.visibleAt = visibleAt;
        }

        public String id() { return id; }
        public String body() { return body; }
        public int receiveCount() { return receiveCount; }
    }

    private final String name;
    private final String url;
    private final String arn;
    private final SqsLocal sqs;
    private final List<Msg> messages = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private int visibilityTimeout = 30;
    private int delaySeconds = 0;
    private String deadLetterArn;
    private int maxReceiveCount;

    SqsQueue(String name, String url, String arn, SqsLocal sqs) {
        this.name = name;
        this.url = url;
        this.arn = arn;
        this.sqs = sqs;
    }

    public String name() { return name; }
    public String url() { return url; }
    public String arn() { return arn; }

    synchronized void configure(Map<String, String> attrs) {
        attributes.putAll(attrs);
        if (attrs.containsKey("VisibilityTimeout")) visibilityTimeout = bounded(attrs.get("VisibilityTimeout"), 0, 43_200, "VisibilityTimeout");
        if (attrs.containsKey("DelaySeconds")) delaySeconds = bounded(attrs.get("DelaySeconds"), 0, 900, "DelaySeconds");
        if (attrs.containsKey("RedrivePolicy")) {
            try {
                JsonNode p = Json.MAPPER.readTree(attrs.get("RedrivePolicy"));
                deadLetterArn = p.path("deadLetterTargetArn").asText(null);
                maxReceiveCount = p.path("maxReceiveCount").asInt(0);
            } catch (Exception e) {
                throw SqsErrors.invalid("Invalid value for the parameter RedrivePolicy.");
            }
            if (deadLetterArn == null || maxReceiveCount < 1 || maxReceiveCount > 1000) {
                throw SqsErrors.invalid("Value " + attrs.get("RedrivePolicy") + " for parameter RedrivePolicy is invalid.");
            }
        }
    }

    private static int bounded(String v, int min, int max, String name) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SqsErrors.invalid("Invalid value for the parameter " + name + ".");
    }

    synchronized ObjectNode attributes() {
        Instant now = sqs.clock().instant();
        ObjectNode out = Json.object();
        ObjectNode a = out.putObject("Attributes");
        attributes.forEach(a::put);
        a.put("QueueArn", arn);
        a.put("VisibilityTimeout", Integer.toString(visibilityTimeout));
        a.put("ApproximateNumberOfMessages", Long.toString(messages.stream().filter(m -> !m.visibleAt.isAfter(now)).count()));
        a.put("ApproximateNumberOfMessagesNotVisible", Long.toString(messages.stream().filter(m -> m.visibleAt.isAfter(now)).count()));
        return out;
    }

    ObjectNode send(JsonNode req, Instant now) {
        String body = SqsLocal.text(req, "MessageBody");
        if (body == null || body.isEmpty()) throw new SqsErrors.Error("MissingParameter", 400, "The request must contain the parameter MessageBody.", "MissingParameter");
        if (body.getBytes(StandardCharsets.UTF_8).length > 262_144) throw SqsErrors.tooLong();
        int delay = req.has("DelaySeconds") ? bounded(req.get("DelaySeconds").asText(), 0, 900, "DelaySeconds") : delaySeconds;
        Msg m = new Msg(UUID.randomUUID().toString(), body, now, now.plusSeconds(delay));
        put(m);
        return Json.object().put("MessageId", m.id).put("MD5OfMessageBody", m.md5);
    }

    /** SendMessage from inside Zhidian Local (an IoT rule's {@code sqs} action): the body as it is, the queue's delay. */
    public String send(String body) {
        Instant now = sqs.clock().instant();
        Msg m = new Msg(UUID.randomUUID().toString(), body, now, now.plusSeconds(delaySeconds));
        put(m);
        return m.id;
    }

    synchronized void put(Msg m) {
        messages.add(m);
        notifyAll();
    }

    /** ReceiveMessage: up to MaxNumberOfMessages visible messages, each hidden for the visibility timeout. */
    ObjectNode receive(JsonNode req) {
        int max = req.has("MaxNumberOfMessages") ? bounded(req.get("MaxNumberOfMessages").asText(), 1, 10, "MaxNumberOfMessages") : 1;
        int wait = req.has("WaitTimeSeconds") ? bounded(req.get("WaitTimeSeconds").asText(), 0, 20, "WaitTimeSeconds") : 0;
        int timeout = req.has("VisibilityTimeout") ? bounded(req.get("VisibilityTimeout").asText(), 0, 43_200, "VisibilityTimeout") : -1;
        List<Msg> got = take(max, timeout, wait * 1000L);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Messages");
        for (Msg m : got) {
            ObjectNode n = list.addObject();
            n.put("MessageId", m.id).put("ReceiptHandle", m.receipt).put("MD5OfBody", m.md5).put("Body", m.body);
            ObjectNode a = n.putObject("Attributes");
            a.put("ApproximateReceiveCount", Integer.toString(m.receiveCount));
            a.put("SentTimestamp", Long.toString(m.sentAt.toEpochMilli()));
            a.put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveAt.toEpochMilli()));
        }
        return out;
    }

    /**
     * Takes up to {@code max} visible messages, waiting up to {@code waitMillis} (real time) for the first one; a message
     * that was already received {@code maxReceiveCount} times goes to the dead-letter queue instead.
     */
    public synchronized List<Msg> take(int max, int timeout, long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            List<Msg> got = new ArrayList<>();
            Instant now = sqs.clock().instant();
            for (Iterator<Msg> it = messages.iterator(); it.hasNext() && got.size() < max; ) {
                Msg m = it.next();
                if (m.visibleAt.isAfter(now)) continue;
                if (deadLetterArn != null && m.receiveCount >= maxReceiveCount) {
                    SqsQueue dlq = sqs.byArn(deadLetterArn);
                    if (dlq != null) {
                        it.remove();
                        m.visibleAt = now;
                        m.receipt = null;
                        dlq.put(m);
                        continue;
                    }
                }
                m.receiveCount++;
                if (m.firstReceiveAt == null) m.firstReceiveAt = now;
                m.receipt = UUID.randomUUID() + "#" + m.id;
                m.visibleAt = now.plusSeconds(timeout < 0 ? visibilityTimeout : timeout);
                got.add(m);
            }
            long left = deadline - System.currentTimeMillis();
            if (!got.isEmpty() || left <= 0) return got;
            try {
                wait(Math.min(left, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return got;
            }
        }
    }

    /** The receipt handle of the message's latest receive, and only that, deletes it. */
    public synchronized void delete(String receipt) {
        Msg m = byReceipt(receipt);
        messages.remove(m);
    }

    synchronized void changeVisibility(String receipt, int seconds, Instant now) {
        if (seconds < 0 || seconds > 43_200) throw SqsErrors.invalid("Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
        Msg m = byReceipt(receipt);
        m.visibleAt = now.plusSeconds(seconds);
        notifyAll();
    }

    /** ChangeMessageVisibility for Zhidian Local's poller. */
    public void changeVisibility(String receipt, int seconds) {
        changeVisibility(receipt, seconds, sqs.clock().instant());
    }

    private Msg byReceipt(String receipt) {
        if (receipt == null) throw new SqsErrors.Error("MissingParameter", 400, "The request must contain the parameter ReceiptHandle.", "MissingParameter");
        for (Msg m : messages) if (receipt.equals(m.receipt)) return m;
        throw SqsErrors.badReceipt(receipt);
    }

    /** Every message still held, visible or not (tests, status pages). */
    public synchronized List<Msg> all() { return List.copyOf(messages); }

    public String receiptOf(Msg m) { return m.receipt; }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
