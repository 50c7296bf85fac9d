package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream event source mappings of template.yaml and the filter patterns, as Lambda's event filtering reads them. */
class DynamoStreamsFilterTest {
    private static JsonNode json(String s) throws Exception {
        return Json.parse(s.getBytes());
    }

    @Test
    void thePriceOutboxFilterSelectsInsertsOfPriceChangedItemsOnly() throws Exception {
        SamTemplate template = SamTemplate.load(SamTemplate.find(Path.of("")).orElseThrow());
        List<DynamoStreamsFromTemplate.Mapping> mappings = DynamoStreamsFromTemplate.read(template);
        DynamoStreamsFromTemplate.Mapping push = mappings.stream().filter(m -> m.functionId().equals("EslPushFunction")).findFirst().orElseThrow();
        assertEquals(1000, push.batchSize()); // a whole store's price change in few batches (bench/journal/esl.md)
        String insert = """
                {"eventName":"INSERT","dynamodb":{"NewImage":{"pk":{"S":"T#t1#PRICECHG"},"kind":{"S":"price.changed"},"gtin":{"S":"06901234567892"}}}}""";
        assertTrue(DynamoStreamsFromTemplate.matchesAny(push.filters(), json(insert)));
        assertFalse(DynamoStreamsFromTemplate.matchesAny(push.filters(), json(insert.replace("INSERT", "REMOVE"))), "a ttl deletion");
        assertFalse(DynamoStreamsFromTemplate.matchesAny(push.filters(), json(insert.replace("price.changed", "price.other"))));
        assertFalse(DynamoStreamsFromTemplate.matchesAny(push.filters(), json("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"pk\":{\"S\":\"x\"}}}}")),
                "an item without the field");
        assertTrue(DynamoStreamsFromTemplate.matchesAny(List.of(), json(insert)), "no filter: every record");
    }

    @Test
    void arraysMeanOneOf_andNumbersCompareByValue() throws Exception {
        JsonNode p = json("{\"a\":[\"x\",\"y\"],\"b\":{\"n\":[1.0]}}");
        assertTrue(DynamoStreamsFromTemplate.matches(p, json("{\"a\":\"y\",\"b\":{\"n\":1},\"c\":3}")));
        assertFalse(DynamoStreamsFromTemplate.matches(p, json("{\"a\":\"z\",\"b\":{\"n\":1}}")));
        assertFalse(DynamoStreamsFromTemplate.matches(p, json("{\"a\":\"x\",\"b\":{\"n\":2}}")));
        assertFalse(DynamoStreamsFromTemplate.matches(p, json("{\"a\":\"x\",\"b\":5}")));
    }
}
