package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of the AWS documents "Device Shadow service documents" (device-shadow-document.html),
 * "Device Shadow MQTT topics" (device-shadow-mqtt.html) and "Device Shadow error messages", field by field.
 */
class ShadowServiceTest {
    static final long T = 1_700_000_000L;
    static final String P = "$aws/things/label-1/shadow/name/esl";

    final List<Map.Entry<String, JsonNode>> published = new ArrayList<>();
    final ShadowService shadows = new ShadowService(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC),
            (topic, payload) -> published.add(Map.entry(topic, json(new String(payload, StandardCharsets.UTF_8)))));

    static JsonNode json(String text) {
        try {
            return ShadowJson.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    ObjectNode update(String doc) {
        return shadows.update("label-1", "esl", doc.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    JsonNode lastOn(String suffix) {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i).getKey().equals(P + suffix)) {
                return published.get(i).getValue();
            }
        }
        return null;
    }

    ShadowException rejected(String doc) {
        return assertThrows(ShadowException.class, () -> update(doc));
    }

    @Test
    void acceptedEchoesTheRequestStateWithLeafMetadataVersionTimestampAndToken() {
        ObjectNode accepted = update("{'state':{'desired':{'color':'red','power':'on'}},'clientToken':'t-1'}");
        assertEquals(json("{'desired':{'color':'red','power':'on'}}"), accepted.get("state"));
        assertEquals(json("{'desired':{'color':{'timestamp':" + T + "},'power':{'timestamp':" + T + "}}}"),
                accepted.get("metadata"));
        assertEquals(1, accepted.get("version").asLong());
        assertEquals(T, accepted.get("timestamp").asLong());
        assertEquals("t-1", accepted.get("clientToken").asText());
        assertEquals(accepted, lastOn("/update/accepted"));
    }

    @Test
    void deltaOfTheDocumentsUpdatingExampleKeepsOnlyDifferingDesiredLeaves() {
        // using-device-shadows.html: reported color {r:255,g:255,b:0}; desired color {r:10}, engine ON
        update("{'state':{'reported':{'color':{'r':255,'g':255,'b':0}}}}");
        published.clear();
        update("{'state':{'desired':{'color':{'r':10},'engine':'ON'}}}");
        JsonNode delta = lastOn("/update/delta");
        assertEquals(json("{'color':{'r':10},'engine':'ON'}"), delta.get("state"));
        assertEquals(json("{'color':{'r':{'timestamp':" + T + "}},'engine':{'timestamp':" + T + "}}"),
                delta.get("metadata"));
        assertEquals(2, delta.get("version").asLong());
        assertEquals(T, delta.get("timestamp").asLong());
    }

    @Test
    void deltaStateExamplesFromTheDocument() {
        update("{'state':{'desired':{'color':'RED','state':'STOP'},'reported':{'color':'GREEN','engine':'ON'}}}");
        JsonNode doc = shadows.get("label-1", "esl", null);
        assertEquals(json("{'color':'RED','state':'STOP'}"), doc.get("state").get("delta"));

        shadows.delete("label-1", "esl", null);
        update("{'state':{'desired':{'lights':{'color':{'r':255,'g':255,'b':255}}},"
                + "'reported':{'lights':{'color':{'r':255,'g':0,'b':255}}}}}");
        assertEquals(json("{'lights':{'color':{'g':255}}}"),
                shadows.get("label-1", "esl", null).get("state").get("delta"));
    }

    @Test
    void arraysAreValuesReplacedWholeAndComparedWhole() {
        update("{'state':{'desired':{'colors':['RED','GREEN','BLUE']},'reported':{'colors':['RED']}}}");
        assertEquals(json("{'colors':['RED','GREEN','BLUE']}"),
                shadows.get("label-1", "esl", null).get("state").get("delta"));
        ObjectNode accepted = update("{'state':{'desired':{'colors':['RED']}}}");
        assertEquals(json("{'colors':[{'timestamp':" + T + "}]}"), accepted.get("metadata").get("desired"));
        JsonNode doc = shadows.get("label-1", "esl", null);
        assertEquals(json("{'colors':['RED']}"), doc.get("state").get("desired"));
        assertNull(doc.get("state").get("delta"));
        assertEquals(ShadowException.INVALID_NODE,
                rejected("{'state':{'desired':{'colors':[null,'RED','GREEN']}}}").getMessage());
    }

    @Test
    void nullDeletesAKeyOrAWholeSectionAndItsMetadata() {
        update("{'state':{'desired':{'engine':'ON','color':'red'},'reported':{'color':'blue'}}}");
        update("{'state':{'desired':{'engine':null}}}");
        JsonNode doc = shadows.get("label-1", "esl", null);
        assertEquals(json("{'color':'red'}"), doc.get("state").get("desired"));
        assertEquals(json("{'color':{'timestamp':" + T + "}}"), doc.get("metadata").get("desired"));
        update("{'state':{'reported':{'color':'red'},'desired':null}}");
        doc = shadows.get("label-1", "esl", null);
        assertEquals(json("{'reported':{'color':'red'}}"), doc.get("state"));
        assertFalse(doc.get("metadata").has("desired"));
    }

    @Test
    void aLeafReplacedByAnObjectGetsTheObjectsMetadata() {
        update("{'state':{'desired':{'a':0,'b':{'x':1}}}}");
        update("{'state':{'desired':{'a':{'y':2},'b':{'z':3}}}}");
        JsonNode doc = shadows.get("label-1", "esl", null);
        assertEquals(json("{'a':{'y':2},'b':{'x':1,'z':3}}"), doc.at("/state/desired"));
        assertEquals(json("{'a':{'y':{'timestamp':" + T + "}},'b':{'x':{'timestamp':" + T + "},'z':{'timestamp':" + T + "}}}"),
                doc.at("/metadata/desired"));
    }

    @Test
    void documentsCarryPreviousAndCurrentWithTheirVersions() {
        update("{'state':{'desired':{'price':100}}}");
        update("{'state':{'reported':{'price':100}},'clientToken':'c'}");
        JsonNode documents = lastOn("/update/documents");
        assertEquals(json("{'desired':{'price':100}}"), documents.get("previous").get("state"));
        assertEquals(1, documents.get("previous").get("version").asLong());
        assertEquals(json("{'desired':{'price':100},'reported':{'price':100}}"), documents.get("current").get("state"));
        assertEquals(json("{'desired':{'price':{'timestamp':" + T + "}},'reported':{'price':{'timestamp':" + T + "}}}"),
                documents.get("current").get("metadata"));
        assertEquals(2, documents.get("current").get("version").asLong());
        assertEquals("c", documents.get("clientToken").asText());
    }

    /**
     * device-shadow-mqtt.html, /update/documents: the document before the update. A shadow that did not exist has
     * none, and the service sends {@code "previous": null} (as the AWS IoT Device SDK samples print it).
     */
    @Test
    void documentsOfACreatedOrRecreatedShadowHaveANullPrevious() {
        update("{'state':{'desired':{'price':100}}}");
        JsonNode created = lastOn("/update/documents");
        assertTrue(created.has("previous"));
        assertTrue(created.get("previous").isNull());
        assertEquals(1, created.get("current").get("version").asLong());
        shadows.delete("label-1", "esl", null);
        update("{'state':{'desired':{'price':120}}}");
        JsonNode recreated = lastOn("/update/documents");
        assertTrue(recreated.get("previous").isNull());
        assertEquals(2, recreated.get("current").get("version").asLong());
    }

    @Test
    void numbersCompareByValueSoAReportedDoubleMatchesADesiredInteger() {
        update("{'state':{'desired':{'price':1299,'tags':[1,2]}}}");
        update("{'state':{'reported':{'price':1299.0,'tags':[1.0,2]}}}");
        assertNull(shadows.get("label-1", "esl", null).get("state").get("delta"));
        update("{'state':{'reported':{'price':1299.5}}}");
        assertEquals(json("{'price':1299}"), shadows.get("label-1", "esl", null).get("state").get("delta"));
    }

    @Test
    void noDeltaIsPublishedWhenReportedMatchesDesired() {
        update("{'state':{'desired':{'price':100}}}");
        published.clear();
        update("{'state':{'reported':{'price':100,'hash':'ab'}}}");
        assertNull(lastOn("/update/delta"));
        assertTrue(published.stream().anyMatch(e -> e.getKey().equals(P + "/update/accepted")));
    }

    @Test
    void versionConflictIs409AndEchoesTheToken() {
        update("{'state':{'desired':{'a':1}}}");
        ShadowException e = rejected("{'state':{'desired':{'a':2}},'version':5,'clientToken':'tok'}");
        assertEquals(409, e.code());
        assertEquals("Version conflict", e.getMessage());
        assertEquals("tok", e.clientToken());
        assertEquals(2, update("{'state':{'desired':{'a':2}},'version':1}").get("version").asLong());
    }

    @Test
    void eachDocumentedBadRequest() {
        assertEquals("Invalid JSON", rejected("{not json").getMessage());
        assertEquals("Invalid JSON", rejected("[1,2]").getMessage());
        assertEquals("Missing required node: state", rejected("{'clientToken':'x'}").getMessage());
        assertEquals("x", rejected("{'clientToken':'x'}").clientToken());
        assertEquals("State node must be an object", rejected("{'state':3}").getMessage());
        assertEquals("Desired node must be an object", rejected("{'state':{'desired':'on'}}").getMessage());
        assertEquals("Reported node must be an object", rejected("{'state':{'reported':[1]}}").getMessage());
        assertEquals("Invalid version", rejected("{'state':{},'version':'one'}").getMessage());
        assertEquals("State contains an invalid node", rejected("{'state':{'delta':{}}}").getMessage());
        for (ShadowException e : List.of(rejected("{not json"), rejected("{'state':3}"))) {
            assertEquals(400, e.code());
        }
    }

    @Test
    void clientTokenOfMoreThan64BytesIsRefused() {
        String ok = "a".repeat(64);
        assertEquals(ok, update("{'state':{},'clientToken':'" + ok + "'}").get("clientToken").asText());
        ShadowException e = rejected("{'state':{},'clientToken':'" + "好".repeat(22) + "'}"); // 66 bytes
        assertEquals("Invalid clientToken", e.getMessage());
        assertEquals(400, e.code());
    }

    @Test
    void nestingDeeperThanSixLevelsIsRefused() {
        update("{'state':{'desired':{'1':{'2':{'3':{'4':{'5':{'6':true}}}}}}}}");
        ShadowException e = rejected("{'state':{'reported':{'1':{'2':{'3':{'4':{'5':{'6':{'7':true}}}}}}}}}");
        assertEquals("JSON contains too many levels of nesting; maximum is 6", e.getMessage());
    }

    @Test
    void stateOfMoreThan8KbIsRefusedAsTooLargeAndNothingIsWritten() {
        update("{'state':{'desired':{'a':'" + "x".repeat(4000) + "'}}}");
        ShadowException e = rejected("{'state':{'reported':{'b':'" + "y".repeat(4200) + "'}}}");
        assertEquals(413, e.code());
        assertEquals("The payload exceeds the maximum size allowed", e.getMessage());
        assertEquals(1, shadows.get("label-1", "esl", null).get("version").asLong());
    }

    @Test
    void notUtf8Is415() {
        ShadowException e = assertThrows(ShadowException.class,
                () -> shadows.update("label-1", "esl", new byte[] {'{', (byte) 0xC3, '}'}));
        assertEquals(415, e.code());
        assertEquals("Unsupported documented encoding; supported encoding is UTF-8", e.getMessage());
    }

    @Test
    void getAndDeleteOfAMissingShadowAre404WithTheShadowName() {
        ShadowException e = assertThrows(ShadowException.class, () -> shadows.get("label-1", "esl", "g"));
        assertEquals(404, e.code());
        assertEquals("No shadow exists with name: 'esl'", e.getMessage());
        assertEquals("g", e.clientToken());
        assertEquals(404, assertThrows(ShadowException.class, () -> shadows.delete("label-1", "esl", null)).code());
        assertEquals("No shadow exists with name: 'label-1'",
                assertThrows(ShadowException.class, () -> shadows.get("label-1", null, null)).getMessage());
    }

    @Test
    void deleteKeepsTheVersionSoTheNextShadowFollowsIt() {
        update("{'state':{'desired':{'a':1}}}");
        update("{'state':{'desired':{'a':2}}}");
        ObjectNode deleted = shadows.delete("label-1", "esl", "d");
        assertEquals(2, deleted.get("version").asLong());
        assertEquals(T, deleted.get("timestamp").asLong());
        assertEquals("d", deleted.get("clientToken").asText());
        assertEquals(deleted, lastOn("/delete/accepted"));
        assertEquals(404, assertThrows(ShadowException.class, () -> shadows.get("label-1", "esl", null)).code());
        assertEquals(3, update("{'state':{'desired':{'a':3}}}").get("version").asLong());
        assertEquals(json("{'desired':{'a':3},'delta':{'a':3}}"), shadows.get("label-1", "esl", null).get("state"));
    }

    @Test
    void listsNamedShadowsOnlyInPages() {
        for (String name : List.of("esl", "b", "c")) {
            shadows.update("label-1", name, "{\"state\":{}}".getBytes(StandardCharsets.UTF_8));
        }
        shadows.update("label-1", null, "{\"state\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("b", "c"), shadows.namedShadows("label-1", null, 2));
        assertEquals(List.of("esl"), shadows.namedShadows("label-1", "c", 2));
        assertEquals(List.of(), shadows.namedShadows("other", null, 2));
    }

    @Test
    void reportsInSync_isTheReportedNumberWithNoDeltaLeft() {
        assertFalse(shadows.reportsInSync("label-1", "esl", "price", 100), "no shadow yet");
        update("{'state':{'desired':{'price':100,'name':'水'}}}");
        assertFalse(shadows.reportsInSync("label-1", "esl", "price", 100), "desired only");
        update("{'state':{'reported':{'price':100}}}");
        assertFalse(shadows.reportsInSync("label-1", "esl", "price", 100), "the name is still a delta");
        update("{'state':{'reported':{'name':'水'}}}");
        assertTrue(shadows.reportsInSync("label-1", "esl", "price", 100));
        assertFalse(shadows.reportsInSync("label-1", "esl", "price", 101), "another value");
        assertFalse(shadows.reportsInSync("label-1", "other", "price", 100), "another shadow");
        assertFalse(shadows.reportsInSync("label-1", "esl", "name", 100), "not a number");
        update("{'state':{'desired':{'price':120}}}");
        assertFalse(shadows.reportsInSync("label-1", "esl", "price", 100), "a new delta");
    }
}
