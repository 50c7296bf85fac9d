package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsQuery;
import com.zhidian.local.aws.Json;
import java.util.Map;

/**
 * SQS's older protocol, the AWS query protocol that the API reference's "Using AWS query protocol" examples show
 * ({@code Action=SendMessage&QueueUrl=...&MessageBody=...}, form-encoded or in the query string, XML answers): its
 * parameters become the JSON protocol's request ({@code Attribute.N.Name/Value}, {@code AttributeName.N},
 * {@code MessageAttribute.N.Name/Value.DataType/...}, {@code <Op>RequestEntry.N.*}), the same operations answer, and
 * their results are written as {@code <OpResponse><OpResult>...</OpResult><ResponseMetadata>}. The queue may also be
 * named by the request's path ({@code /000000000000/MyQueue}).
 */
final class SqsQuery {
    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    private SqsQuery() {}

    /** The JSON protocol's request for the query parameters. */
    static ObjectNode request(AwsQuery q, String path) {
        Map<String, String> p = q.params();
        ObjectNode req = Json.object();
        for (String scalar : new String[] {"QueueUrl", "QueueName", "QueueNamePrefix", "MessageBody", "DelaySeconds",
                "MaxNumberOfMessages", "WaitTimeSeconds", "VisibilityTimeout", "ReceiptHandle", "MaxResults"}) {
            if (p.containsKey(scalar)) req.put(scalar, p.get(scalar));
        }
        if (!req.has("QueueUrl") && path != null && path.matches("/[0-9]{12}/[^/]+")) req.put("QueueUrl", path);
        ObjectNode attrs = nameValues(p, "Attribute");
        if (!attrs.isEmpty()) req.set("Attributes", attrs);
        list(p, "AttributeName", req, "AttributeNames");
        list(p, "MessageSystemAttributeName", req, "MessageSystemAttributeNames");
        list(p, "MessageAttributeName", req, "MessageAttributeNames");
        ObjectNode messageAttrs = messageAttributes(p, "MessageAttribute");
        if (!messageAttrs.isEmpty()) req.set("MessageAttributes", messageAttrs);
        ObjectNode systemAttrs = messageAttributes(p, "MessageSystemAttribute");
        if (!systemAttrs.isEmpty()) req.set("MessageSystemAttributes", systemAttrs);
        String action = p.get("Action");
        if (action != null && action.endsWith("Batch")) {
            String prefix = action + "RequestEntry.";
            ArrayNode entries = req.putArray("Entries");
            for (int n = 1; p.containsKey(prefix + n + ".Id"); n++) {
                String e = prefix + n + ".";
                ObjectNode entry = entries.addObject();
                for (String field : new String[] {"Id", "MessageBody", "DelaySeconds", "ReceiptHandle", "VisibilityTimeout"}) {
                    if (p.containsKey(e + field)) entry.put(field, p.get(e + field));
                }
                ObjectNode ea = messageAttributes(p, e + "MessageAttribute");
                if (!ea.isEmpty()) entry.set("MessageAttributes", ea);
                ObjectNode es = messageAttributes(p, e + "MessageSystemAttribute");
                if (!es.isEmpty()) entry.set("MessageSystemAttributes", es);
            }
        }
        return req;
    }

    private static ObjectNode nameValues(Map<String, String> p, String prefix) {
        ObjectNode o = Json.object();
        for (int n = 1; p.containsKey(prefix + "." + n + ".Name"); n++) {
            o.put(p.get(prefix + "." + n + ".Name"), p.getOrDefault(prefix + "." + n + ".Value", ""));
        }
        return o;
    }

    private static void list(Map<String, String> p, String prefix, ObjectNode req, String field) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int n = 1; p.containsKey(prefix + "." + n); n++) a.add(p.get(prefix + "." + n));
        if (!a.isEmpty()) req.set(field, a);
    }

    private static ObjectNode messageAttributes(Map<String, String> p, String prefix) {
        ObjectNode o = Json.object();
        for (int n = 1; p.containsKey(prefix + "." + n + ".Name"); n++) {
            String v = prefix + "." + n + ".Value.";
            ObjectNode value = o.putObject(p.get(prefix + "." + n + ".Name"));
            for (String field : new String[] {"DataType", "StringValue", "BinaryValue"}) {
                if (p.containsKey(v + field)) value.put(field, p.get(v + field));
            }
        }
        return o;
    }

    /** The operation's JSON result as the query protocol's XML answer. */
    static String response(String action, JsonNode result, String requestId) {
        StringBuilder b = new StringBuilder();
        b.append("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        b.append("<").append(action).append("Result>");
        result.fields().forEachRemaining(e -> member(b, action, e.getKey(), e.getValue()));
        b.append("</").append(action).append("Result>");
        b.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        b.append("</").append(action).append("Response>");
        return b.toString();
    }

    /** One member of a result: lists are flattened (repeated elements), maps are Name/Value pairs. */
    private static void member(StringBuilder b, String action, String name, JsonNode v) {
        switch (name) {
            case "Attributes" -> v.fields().forEachRemaining(a -> b.append("<Attribute><Name>").append(AwsQuery.escape(a.getKey()))
                    .append("</Name><Value>").append(AwsQuery.escape(a.getValue().asText())).append("</Value></Attribute>"));
            case "MessageAttributes" -> v.fields().forEachRemaining(a -> {
                b.append("<MessageAttribute><Name>").append(AwsQuery.escape(a.getKey())).append("</Name><Value>");
                a.getValue().fields().forEachRemaining(f -> element(b, f.getKey(), f.getValue().asText()));
                b.append("</Value></MessageAttribute>");
            });
            case "QueueUrls" -> v.forEach(u -> element(b, "QueueUrl", u.asText()));
            case "Messages" -> v.forEach(m -> {
                b.append("<Message>");
                m.fields().forEachRemaining(f -> member(b, action, f.getKey(), f.getValue()));
                b.append("</Message>");
            });
            case "Successful" -> v.forEach(s -> {
                b.append("<").append(action).append("ResultEntry>");
                s.fields().forEachRemaining(f -> element(b, f.getKey(), f.getValue().asText()));
                b.append("</").append(action).append("ResultEntry>");
            });
            case "Failed" -> v.forEach(f -> {
                b.append("<BatchResultErrorEntry>");
                f.fields().forEachRemaining(x -> element(b, x.getKey(), x.getValue().asText()));
                b.append("</BatchResultErrorEntry>");
            });
            default -> element(b, name, v.asText());
        }
    }

    private static void element(StringBuilder b, String name, String text) {
        b.append("<").append(name).append(">").append(AwsQuery.escape(text)).append("</").append(name).append(">");
    }

    static String error(SqsErrors.Error e, String requestId) {
        String code = e.queryCode() == null ? e.type() : e.queryCode();
        return AwsQuery.errorXml(NAMESPACE, e.status() >= 500 ? "Receiver" : "Sender", code, e.getMessage(), requestId);
    }
}
