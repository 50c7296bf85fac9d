package com.zhidian.local.iot.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.iot.broker.TopicFilter;
import com.zhidian.local.iot.shadow.ShadowJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSqlTest {
    final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC);

    @Test
    void selectStarWithTopicLevelsClientIdAndTimestamp() throws Exception {
        RuleSql rule = RuleSql.parse("SELECT *, topic(2) AS tenantId, topic(3) AS storeId, topic() AS topic, "
                + "clientid() AS thingName, timestamp() AS receivedAt FROM 'zhidian/+/+/+/telemetry'");
        assertEquals("zhidian/+/+/+/telemetry", rule.topicFilter());
        JsonNode event = ShadowJson.MAPPER.readTree(rule.event(new Rules.Message("zhidian/t1/s1/d1/telemetry",
                "{\"kind\":\"fridge_sensor\"}".getBytes(StandardCharsets.UTF_8), "t1-s1-d1"), clock));
        assertEquals(ShadowJson.MAPPER.readTree("{\"kind\":\"fridge_sensor\",\"tenantId\":\"t1\",\"storeId\":\"s1\","
                + "\"topic\":\"zhidian/t1/s1/d1/telemetry\",\"thingName\":\"t1-s1-d1\",\"receivedAt\":1700000000123}"),
                event);
    }

    @Test
    void aPayloadThatIsNotAnObjectIsWrapped() throws Exception {
        RuleSql rule = RuleSql.parse("select * from '$aws/events/presence/+/+'");
        JsonNode event = ShadowJson.MAPPER.readTree(rule.event(
                new Rules.Message("$aws/events/presence/connected/x", new byte[] {1, 2}, null), clock));
        assertEquals(Map.of("payload", "AQI="), ShadowJson.MAPPER.convertValue(event, Map.class));
    }

    @Test
    void whatTheSubsetDoesNotCoverIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RuleSql.parse("SELECT temp FROM 'a/b'"));
        assertThrows(IllegalArgumentException.class, () -> RuleSql.parse("SELECT * FROM 'a/b' WHERE temp > 5"));
        assertThrows(IllegalArgumentException.class, () -> RuleSql.parse("SELECT *, upper(x) AS y FROM 'a/b'"));
    }

    @Test
    void topicFiltersFollowMqtt311() {
        assertTrue(TopicFilter.matches("zhidian/+/+/+/telemetry", "zhidian/t1/s1/d1/telemetry"));
        assertFalse(TopicFilter.matches("zhidian/+/+/+/telemetry", "zhidian/t1/s1/telemetry"));
        assertTrue(TopicFilter.matches("zhidian/#", "zhidian/t1"));
        assertTrue(TopicFilter.matches("zhidian/t1/#", "zhidian/t1"));
        assertFalse(TopicFilter.matches("#", "$aws/events/presence/connected/x"));
        assertFalse(TopicFilter.matches("+/events/#", "$aws/events/presence/connected/x"));
        assertTrue(TopicFilter.matches("$aws/events/presence/+/+", "$aws/events/presence/connected/x"));
    }
}
