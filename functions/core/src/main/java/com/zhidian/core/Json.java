package com.zhidian.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One shared, configured ObjectMapper (creating mappers is the costliest part of a cold start). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            // "{...}x" or two documents back to back are not one JSON body: refuse them instead of reading the first
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            // {"delta":1,"delta":1000}: which one the client meant is unknowable, so neither is taken
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    /** The same JSON with object keys sorted: two bodies that differ only in key order say the same thing. */
    public static String canonical(String text) {
        try {
            Object tree = MAPPER.readValue(text, Object.class);
            return SORTED.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
