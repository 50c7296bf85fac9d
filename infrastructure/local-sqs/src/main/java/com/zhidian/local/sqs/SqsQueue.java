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
        final Map<String, MessageAttributes.Value> userAttributes;
        /** The sender's AWSTraceHeader message system attribute, or null. */
        String traceHeader;
        final Instant sentAt;
        Instant visibleAt;
        int receiveCount;
        Instant firstReceiveAt;
        String receipt;

        Msg(String id, String body, Map<String, MessageAttributes.Value> userAttributes, Instant sentAt, Instant visibleAt) {
            this.id = id;
            this.body = body;
            this.md5 = md5(body);
            this.userAttributes = userAttributes;
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
    private int maximumMessageSize = MAX_SIZE;
    private int retentionSeconds = 345_600;
    private int receiveWaitSeconds = 0;
    private String deadLetterArn;
    private int maxReceiveCount;
    private final Instant createdAt;
    private Instant modifiedAt;

    /** The largest message (body and attributes), 256 KiB, as the API reference's SendMessage says. */
    static final int MAX_SIZE = 262_144;
    /** The queue attributes CreateQueue and SetQueueAttributes take (API reference, SetQueueAttributes). */
    static final List<String> SETTABLE = List.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "Policy",
            "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "FifoQueue");
    /** What GetQueueAttributes answers besides those (API reference, GetQueueAttributes). */
    static final List<String> READ_ONLY = List.of("QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp");

    SqsQueue(String name, String url, String arn, SqsLocal sqs) {
        this.name = name;
        this.url = url;
        this.arn = arn;
        this.sqs = sqs;
        this.createdAt = sqs.clock().instant();
        this.modifiedAt = createdAt;
    }

    public String name() { return name; }
    public String url() { return url; }
    public String arn() { return arn; }

    /**
     * Applies queue attributes. {@code strict} (the API's CreateQueue and SetQueueAttributes) refuses unknown names
     * with InvalidAttributeName and a redrive policy whose dead-letter queue does not exist; Zhidian Local's own
     * creation from the template is lenient (it may create a queue before its dead-letter queue).
     */
    synchronized void configure(Map<String, String> attrs, boolean strict) {
        for (String k : attrs.keySet()) {
            if (strict && !SETTABLE.contains(k)) throw SqsErrors.unknownAttribute(k);
        }
        if ("true".equalsIgnoreCase(attrs.get("FifoQueue"))) {
            throw new SqsErrors.Error("UnsupportedOperation", 400, "FIFO queues are not served by the Zhidian Local SQS stand-in.", "AWS.SimpleQueueService.UnsupportedOperation");
        }
        if (attrs.containsKey("VisibilityTimeout")) visibilityTimeout = attribute(attrs, "VisibilityTimeout", 0, 43_200);
        if (attrs.containsKey("DelaySeconds")) delaySeconds = attribute(attrs, "DelaySeconds", 0, 900);
        if (attrs.containsKey("MaximumMessageSize")) maximumMessageSize = attribute(attrs, "MaximumMessageSize", 1024, MAX_SIZE);
        if (attrs.containsKey("MessageRetentionPeriod")) retentionSeconds = attribute(attrs, "MessageRetentionPeriod", 60, 1_209_600);
        if (attrs.containsKey("ReceiveMessageWaitTimeSeconds")) receiveWaitSeconds = attribute(attrs, "ReceiveMessageWaitTimeSeconds", 0, 20);
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
            if (strict && sqs.byArn(deadLetterArn) == null) {
                throw SqsErrors.invalid("Value " + attrs.get("RedrivePolicy") + " for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.");
            }
        }
        attributes.putAll(attrs);
        modifiedAt = sqs.clock().instant();
    }

    private static int attribute(Map<String, String> attrs, String name, int min, int max) {
        Integer n = parse(attrs.get(name), min, max);
        if (n == null) throw SqsErrors.badAttribute(name);
        return n;
    }

    /** A request parameter between min and max, else InvalidParameterValue with the API reference's bounds. */
    static int bounded(String v, int min, int max, String name) {
        Integer n = parse(v, min, max);
        if (n == null) throw SqsErrors.invalid("Value " + v + " for parameter " + name + " is invalid. Reason: Must be between " + min + " and " + max + ".");
        return n;
    }

    private static Integer parse(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A queue attribute's value as GetQueueAttributes answers it, or null when the queue has none. */
    private String attribute(String name, Instant now) {
        return switch (name) {
            case "QueueArn" -> arn;
            case "VisibilityTimeout" -> Integer.toString(visibilityTimeout);
            case "DelaySeconds" -> Integer.toString(delaySeconds);
            case "MaximumMessageSize" -> Integer.toString(maximumMessageSize);
            case "MessageRetentionPeriod" -> Integer.toString(retentionSeconds);
            case "ReceiveMessageWaitTimeSeconds" -> Integer.toString(receiveWaitSeconds);
            case "CreatedTimestamp" -> Long.toString(createdAt.getEpochSecond());
            case "LastModifiedTimestamp" -> Long.toString(modifiedAt.getEpochSecond());
            case "SqsManagedSseEnabled" -> attributes.getOrDefault(name, "false");
            case "FifoQueue" -> null; // a standard queue has none
            case "ApproximateNumberOfMessages" -> Long.toString(messages.stream().filter(m -> !m.visibleAt.isAfter(now)).count());
            case "ApproximateNumberOfMessagesNotVisible" -> Long.toString(messages.stream().filter(m -> m.visibleAt.isAfter(now) && m.receiveCount > 0).count());
            case "ApproximateNumberOfMessagesDelayed" -> Long.toString(messages.stream().filter(m -> m.visibleAt.isAfter(now) && m.receiveCount == 0).count());
            default -> attributes.get(name);
        };
    }

    /** GetQueueAttributes: only the names asked for ("All" for every one); none when none are asked for. */
    synchronized ObjectNode attributes(List<String> names) {
        Instant now = sqs.clock().instant();
        dropExpired(now);
        List<String> wanted = new ArrayList<>();
        for (String n : names) {
            if (n.equals("All")) {
                wanted.addAll(SETTABLE);
                wanted.addAll(READ_ONLY);
            } else if (SETTABLE.contains(n) || READ_ONLY.contains(n)) {
                wanted.add(n);
            } else {
                throw SqsErrors.unknownAttribute(n);
            }
        }
        ObjectNode out = Json.object();
        if (wanted.isEmpty()) return out;
        ObjectNode a = out.putObject("Attributes");
        for (String n : wanted) {
            String v = attribute(n, now);
            if (v != null) a.put(n, v);
        }
        return out;
    }

    /** CreateQueue of an existing name: the attributes given must equal the queue's, else QueueNameExists. */
    synchronized void checkSame(Map<String, String> attrs) {
        Instant now = sqs.clock().instant();
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            if (!e.getValue().equals(attribute(e.getKey(), now))) throw SqsErrors.nameExists(name);
        }
    }

    ObjectNode send(JsonNode req, Instant now) {
        String body = SqsLocal.text(req, "MessageBody");
        if (body == null || body.isEmpty()) throw new SqsErrors.Error("MissingParameter", 400, "The request must contain the parameter MessageBody.", "MissingParameter");
        checkCharacters(body);
        Map<String, MessageAttributes.Value> attrs = MessageAttributes.parse(req.get("MessageAttributes"));
        if (size(body, attrs) > maximumMessageSize) {
            throw SqsErrors.invalid("One or more parameters are invalid. Reason: Message must be shorter than " + maximumMessageSize + " bytes.");
        }
        int delay = req.has("DelaySeconds") ? bounded(req.get("DelaySeconds").asText(), 0, 900, "DelaySeconds") : delaySeconds;
        // MessageSystemAttributes: only AWSTraceHeader, a String (API reference, SendMessage)
        Map<String, MessageAttributes.Value> system = MessageAttributes.parse(req.get("MessageSystemAttributes"));
        for (Map.Entry<String, MessageAttributes.Value> e : system.entrySet()) {
            if (!e.getKey().equals("AWSTraceHeader") || !e.getValue().dataType().equals("String")) {
                throw SqsErrors.invalid("Message system attribute name '" + e.getKey() + "' is invalid.");
            }
        }
        Msg m = new Msg(UUID.randomUUID().toString(), body, attrs, now, now.plusSeconds(delay));
        if (!system.isEmpty()) m.traceHeader = system.get("AWSTraceHeader").string();
        put(m);
        ObjectNode out = Json.object().put("MessageId", m.id).put("MD5OfMessageBody", m.md5);
        String attrsMd5 = MessageAttributes.md5(attrs);
        if (attrsMd5 != null) out.put("MD5OfMessageAttributes", attrsMd5);
        String systemMd5 = MessageAttributes.md5(system);
        if (systemMd5 != null) out.put("MD5OfMessageSystemAttributes", systemMd5);
        return out;
    }

    /** A message's size as SQS counts it against MaximumMessageSize: the body's bytes and every attribute's. */
    static int size(String body, Map<String, MessageAttributes.Value> attrs) {
        return body.getBytes(StandardCharsets.UTF_8).length + MessageAttributes.size(attrs);
    }

    /** The body's characters must be XML's: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF. */
    static void checkCharacters(String body) {
        boolean ok = body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
        if (!ok) throw SqsErrors.invalidContents();
    }

    /** SendMessage from inside Zhidian Local (an IoT rule's {@code sqs} action): the body as it is, the queue's delay. */
    public String send(String body) {
        Instant now = sqs.clock().instant();
        Msg m = new Msg(UUID.randomUUID().toString(), body, Map.of(), now, now.plusSeconds(delaySeconds));
        put(m);
        return m.id;
    }

    synchronized void put(Msg m) {
        messages.add(m);
        notifyAll();
    }

    /**
     * ReceiveMessage: up to MaxNumberOfMessages visible messages, each hidden for the visibility timeout, with the
     * system attributes (MessageSystemAttributeNames or the older AttributeNames) and the message attributes
     * (MessageAttributeNames, with their MD5) asked for, and nothing else.
     */
    ObjectNode receive(JsonNode req) {
        int max = req.has("MaxNumberOfMessages") ? bounded(req.get("MaxNumberOfMessages").asText(), 1, 10, "MaxNumberOfMessages") : 1;
        int wait = req.has("WaitTimeSeconds") ? bounded(req.get("WaitTimeSeconds").asText(), 0, 20, "WaitTimeSeconds") : receiveWaitSeconds;
        int timeout = req.has("VisibilityTimeout") ? bounded(req.get("VisibilityTimeout").asText(), 0, 43_200, "VisibilityTimeout") : -1;
        List<String> system = names(req, "AttributeNames");
        system.addAll(names(req, "MessageSystemAttributeNames"));
        List<String> user = names(req, "MessageAttributeNames");
        List<Msg> got = take(max, timeout, wait * 1000L);
        ObjectNode out = Json.object();
        if (got.isEmpty()) return out; // SQS answers {} when no message was there
        ArrayNode list = out.putArray("Messages");
        for (Msg m : got) {
            ObjectNode n = list.addObject();
            n.put("MessageId", m.id).put("ReceiptHandle", m.receipt).put("MD5OfBody", m.md5).put("Body", m.body);
            ObjectNode a = Json.object();
            boolean all = system.contains("All");
            if (all || system.contains("SenderId")) a.put("SenderId", SqsLocal.ACCOUNT);
            if (all || system.contains("SentTimestamp")) a.put("SentTimestamp", Long.toString(m.sentAt.toEpochMilli()));
            if (all || system.contains("ApproximateReceiveCount")) a.put("ApproximateReceiveCount", Integer.toString(m.receiveCount));
            if (all || system.contains("ApproximateFirstReceiveTimestamp")) a.put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveAt.toEpochMilli()));
            if ((all || system.contains("AWSTraceHeader")) && m.traceHeader != null) a.put("AWSTraceHeader", m.traceHeader);
            if (!a.isEmpty()) n.set("Attributes", a);
            Map<String, MessageAttributes.Value> chosen = MessageAttributes.select(m.userAttributes, user);
            if (!chosen.isEmpty()) {
                n.put("MD5OfMessageAttributes", MessageAttributes.md5(chosen));
                n.set("MessageAttributes", MessageAttributes.json(chosen));
            }
        }
        return out;
    }

    private static List<String> names(JsonNode req, String field) {
        List<String> out = new ArrayList<>();
        req.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Messages older than the retention period are gone, as SQS deletes them. */
    private void dropExpired(Instant now) {
        messages.removeIf(m -> !m.sentAt.plusSeconds(retentionSeconds).isAfter(now));
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
            dropExpired(now);
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

    /**
     * DeleteMessage: the receipt handle of the message's latest receive deletes it. As the API reference says, an
     * older handle (or one of a message already deleted) succeeds without deleting anything; only a handle that is
     * not one at all is ReceiptHandleIsInvalid.
     */
    public synchronized void delete(String receipt) {
        checkForm(receipt);
        messages.removeIf(m -> receipt.equals(m.receipt));
    }

    /**
     * ChangeMessageVisibility: for the latest receive of a message in flight. A message no longer in flight is
     * MessageNotInflight; a deleted message or an older handle is InvalidParameterValue, as SQS answers them.
     */
    synchronized void changeVisibility(String receipt, int seconds, Instant now) {
        if (seconds < 0 || seconds > 43_200) throw SqsErrors.invalid("Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
        checkForm(receipt);
        Msg m = null;
        for (Msg c : messages) if (receipt.equals(c.receipt)) m = c;
        if (m == null) throw SqsErrors.goneForVisibility(receipt);
        if (!m.visibleAt.isAfter(now)) throw SqsErrors.notInflight();
        m.visibleAt = now.plusSeconds(seconds);
        notifyAll();
    }

    /** The stand-in's receipt handles are {@code <uuid>#<message id>}; anything else is not a receipt handle. */
    private static void checkForm(String receipt) {
        if (receipt == null) throw new SqsErrors.Error("MissingParameter", 400, "The request must contain the parameter ReceiptHandle.", "MissingParameter");
        if (!receipt.matches("[0-9a-f-]{36}#[0-9a-f-]{36}")) throw SqsErrors.badReceipt(receipt);
    }

    /** PurgeQueue: every message goes. */
    synchronized void purge() {
        messages.clear();
    }

    /** ChangeMessageVisibility for Zhidian Local's poller. */
    public void changeVisibility(String receipt, int seconds) {
        changeVisibility(receipt, seconds, sqs.clock().instant());
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
