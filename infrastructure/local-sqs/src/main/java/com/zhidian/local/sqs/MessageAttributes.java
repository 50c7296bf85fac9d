package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A message's user attributes (SendMessage's {@code MessageAttributes}: name to DataType and StringValue or
 * BinaryValue), checked as the SQS developer guide's "Amazon SQS message attributes" section says, and their MD5 as
 * the API reference's MD5OfMessageAttributes is computed (and the SDK's MessageMD5ChecksumInterceptor checks it):
 * over the attributes sorted by name, each as length-prefixed name, length-prefixed data type, a transport byte
 * (1 string, 2 binary) and the length-prefixed value.
 */
final class MessageAttributes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");

    record Value(String dataType, String string, byte[] binary) {
        int size(String name) {
            return name.getBytes(StandardCharsets.UTF_8).length + dataType.getBytes(StandardCharsets.UTF_8).length
                    + (binary != null ? binary.length : string.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private MessageAttributes() {}

    /** The request's attributes by name (sorted), or refuses them with InvalidParameterValue. */
    static TreeMap<String, Value> parse(JsonNode attrs) {
        TreeMap<String, Value> out = new TreeMap<>();
        if (attrs == null || attrs.isNull()) return out;
        if (attrs.size() > 10) throw SqsErrors.invalid("Number of message attributes [" + attrs.size() + "] exceeds the allowed maximum [10].");
        attrs.fields().forEachRemaining(e -> out.put(checkedName(e.getKey()), value(e.getKey(), e.getValue())));
        return out;
    }

    private static String checkedName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SqsErrors.invalid("Message (user) attribute name '" + name + "' is invalid.");
        }
        return name;
    }

    private static Value value(String name, JsonNode v) {
        String type = SqsLocal.text(v, "DataType");
        if (type == null || !TYPE.matcher(type).matches() || type.length() > 256) {
            throw SqsErrors.invalid("The message attribute '" + name + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        if (type.startsWith("Binary")) {
            String b64 = SqsLocal.text(v, "BinaryValue");
            byte[] bytes;
            try {
                bytes = b64 == null ? new byte[0] : Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (bytes.length == 0) throw SqsErrors.invalid("Message (user) attribute '" + name + "' must contain a non-empty value of type 'Binary'.");
            return new Value(type, null, bytes);
        }
        String s = SqsLocal.text(v, "StringValue");
        String base = type.startsWith("Number") ? "Number" : "String";
        if (s == null || s.isEmpty()) throw SqsErrors.invalid("Message (user) attribute '" + name + "' must contain a non-empty value of type '" + base + "'.");
        if (base.equals("Number")) {
            try {
                new java.math.BigDecimal(s);
            } catch (NumberFormatException e) {
                throw SqsErrors.invalid("Can't cast the value of message (user) attribute '" + name + "' to a number.");
            }
        }
        return new Value(type, s, null);
    }

    static int size(Map<String, Value> attrs) {
        int n = 0;
        for (Map.Entry<String, Value> e : attrs.entrySet()) n += e.getValue().size(e.getKey());
        return n;
    }

    /** MD5OfMessageAttributes, hex; null for no attributes (SQS leaves the member out). */
    static String md5(Map<String, Value> attrs) {
        if (attrs.isEmpty()) return null;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new TreeMap<>(attrs).forEach((name, v) -> {
            lengthPrefixed(b, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(b, v.dataType().getBytes(StandardCharsets.UTF_8));
            if (v.binary() != null) {
                b.write(2);
                lengthPrefixed(b, v.binary());
            } else {
                b.write(1);
                lengthPrefixed(b, v.string().getBytes(StandardCharsets.UTF_8));
            }
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lengthPrefixed(ByteArrayOutputStream b, byte[] bytes) {
        b.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        b.writeBytes(bytes);
    }

    /** The attributes ReceiveMessage's MessageAttributeNames asks for: names, "All", ".*" or "prefix.*". */
    static TreeMap<String, Value> select(Map<String, Value> attrs, List<String> wanted) {
        TreeMap<String, Value> out = new TreeMap<>();
        attrs.forEach((name, v) -> {
            for (String w : wanted) {
                boolean match = w.equals("All") || w.equals(".*") || w.equals(name)
                        || (w.endsWith(".*") && name.startsWith(w.substring(0, w.length() - 1)));
                if (match) {
                    out.put(name, v);
                    return;
                }
            }
        });
        return out;
    }

    static ObjectNode json(Map<String, Value> attrs) {
        ObjectNode o = Json.object();
        attrs.forEach((name, v) -> {
            ObjectNode a = o.putObject(name);
            a.put("DataType", v.dataType());
            if (v.binary() != null) a.put("BinaryValue", Base64.getEncoder().encodeToString(v.binary()));
            else a.put("StringValue", v.string());
        });
        return o;
    }
}
