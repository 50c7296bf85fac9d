package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the shadow rules over random documents and random sequences of partial updates. */
class ShadowProperties {
    static final JsonNodeFactory N = JsonNodeFactory.instance;

    ShadowService service() {
        return new ShadowService(Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC), (t, p) -> { });
    }

    static byte[] request(String section, JsonNode value) {
        ObjectNode state = N.objectNode();
        state.set(section, value);
        ObjectNode root = N.objectNode();
        root.set("state", state);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 200)
    void reportingTheDesiredStateLeavesNoDelta(@ForAll("objects") ObjectNode desired) {
        ShadowService shadows = service();
        shadows.update("t", "esl", request("desired", desired));
        shadows.update("t", "esl", request("reported", desired));
        assertTrue(shadows.get("t", "esl", null).at("/state/delta").isMissingNode());
    }

    @Property(tries = 200)
    void metadataMirrorsTheStateAndEveryUpdateAddsOneVersion(@ForAll("patches") List<ObjectNode> patches) {
        ShadowService shadows = service();
        int version = 0;
        for (int i = 0; i < patches.size(); i++) {
            ObjectNode accepted = shadows.update("t", "esl", request(i % 2 == 0 ? "desired" : "reported", patches.get(i)));
            assertEquals(++version, accepted.get("version").asInt());
        }
        if (!patches.isEmpty()) {
            JsonNode doc = shadows.get("t", "esl", null);
            for (String section : List.of("desired", "reported")) {
                JsonNode state = doc.at("/state/" + section);
                JsonNode meta = doc.at("/metadata/" + section);
                assertEquals(state.isMissingNode(), meta.isMissingNode(), doc.toString());
                if (!state.isMissingNode()) {
                    assertMirrors(state, meta);
                }
            }
        }
    }

    static void assertMirrors(JsonNode state, JsonNode meta) {
        if (state.isObject()) {
            assertTrue(meta.isObject(), meta.toString());
            assertEquals(state.size(), meta.size(), state + " vs " + meta);
            for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertMirrors(e.getValue(), meta.get(e.getKey()));
            }
        } else if (state.isArray()) {
            assertEquals(state.size(), meta.size());
        } else {
            assertTrue(meta.get("timestamp").isNumber(), meta.toString());
        }
    }

    @Provide
    Arbitrary<ObjectNode> objects() {
        return object(3, false);
    }

    @Provide
    Arbitrary<List<ObjectNode>> patches() {
        return object(3, true).list().ofMaxSize(8);
    }

    static Arbitrary<JsonNode> leaf(boolean nulls) {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 1000).map(N::numberNode),
                Arbitraries.strings().alpha().ofMaxLength(5).map(N::textNode),
                Arbitraries.of(true, false).map(N::booleanNode),
                Arbitraries.integers().between(0, 9).list().ofMaxSize(3).map(l -> {
                    var array = N.arrayNode();
                    l.forEach(array::add);
                    return array;
                }));
        return nulls ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, values),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(N.nullNode()))) : values;
    }

    static Arbitrary<ObjectNode> object(int depth, boolean nulls) {
        Arbitrary<JsonNode> value = depth == 0 ? leaf(nulls)
                : Arbitraries.oneOf(leaf(nulls), object(depth - 1, nulls).map(o -> (JsonNode) o));
        return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d"), value).ofMaxSize(4).map(m -> {
            ObjectNode node = N.objectNode();
            m.forEach(node::set);
            return node;
        });
    }
}
