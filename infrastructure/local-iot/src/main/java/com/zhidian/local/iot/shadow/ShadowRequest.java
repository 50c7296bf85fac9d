package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A parsed and validated request state document (device-shadow-document.html, "Request state
 * document"): {@code state.desired}, {@code state.reported}, {@code clientToken}, {@code version}.
 * A section that is present as JSON null is kept as a {@link com.fasterxml.jackson.databind.node.NullNode}:
 * it removes the whole section.
 */
public record ShadowRequest(JsonNode desired, JsonNode reported, Long version, String clientToken) {
    /** "The client token can be no longer than 64 bytes". */
    public static final int MAX_CLIENT_TOKEN_BYTES = 64;
    /** "The maximum number of levels in the desired or reported section ... is 6". */
    public static final int MAX_DEPTH = 6;

    /** Parses an update request, refusing it with the documented code and message. */
    public static ShadowRequest parseUpdate(byte[] payload) {
        JsonNode root = parseObject(payload);
        String token = clientToken(root);
        JsonNode state = root.get("state");
        if (state == null || state.isNull()) {
            throw ShadowException.badRequest(ShadowException.MISSING_STATE, token);
        }
        if (!state.isObject()) {
            throw ShadowException.badRequest(ShadowException.STATE_NOT_OBJECT, token);
        }
        Long version = version(root, token);
        for (var names = state.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("desired") && !name.equals("reported")) {
                throw ShadowException.badRequest(ShadowException.INVALID_NODE, token);
            }
        }
        JsonNode desired = section(state, "desired", ShadowException.DESIRED_NOT_OBJECT, token);
        JsonNode reported = section(state, "reported", ShadowException.REPORTED_NOT_OBJECT, token);
        return new ShadowRequest(desired, reported, version, token);
    }

    /**
     * The token of a get or delete request: their payload may be empty, or a JSON object carrying
     * {@code clientToken}.
     */
    public static String tokenOf(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        return clientToken(parseObject(payload));
    }

    public ObjectNode desiredObject() {
        return desired != null && desired.isObject() ? (ObjectNode) desired : null;
    }

    public ObjectNode reportedObject() {
        return reported != null && reported.isObject() ? (ObjectNode) reported : null;
    }

    private static JsonNode parseObject(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new ShadowException(415, ShadowException.NOT_UTF8, null);
        }
        JsonNode root;
        try {
            root = ShadowJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw ShadowException.badRequest(ShadowException.INVALID_JSON, null);
        }
        if (root == null || !root.isObject()) {
            throw ShadowException.badRequest(ShadowException.INVALID_JSON, null);
        }
        return root;
    }

    private static String clientToken(JsonNode root) {
        JsonNode token = root.get("clientToken");
        if (token == null) {
            return null;
        }
        if (!token.isTextual() || token.textValue().getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_TOKEN_BYTES) {
            throw ShadowException.badRequest(ShadowException.INVALID_CLIENT_TOKEN, null);
        }
        return token.textValue();
    }

    private static Long version(JsonNode root, String token) {
        JsonNode version = root.get("version");
        if (version == null) {
            return null;
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 0) {
            throw ShadowException.badRequest(ShadowException.INVALID_VERSION, token);
        }
        return version.longValue();
    }

    private static JsonNode section(JsonNode state, String name, String notObject, String token) {
        JsonNode section = state.get(name);
        if (section == null || section.isNull()) {
            return section;
        }
        if (!section.isObject()) {
            throw ShadowException.badRequest(notObject, token);
        }
        if (ShadowJson.depth(section) > MAX_DEPTH) {
            throw ShadowException.badRequest(ShadowException.TOO_DEEP, token);
        }
        if (ShadowJson.hasNullInArray(section)) {
            throw ShadowException.badRequest(ShadowException.INVALID_NODE, token);
        }
        return section;
    }
}
