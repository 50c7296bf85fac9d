package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void rateExpressions_asEventBridgeWritesThem() {
        assertEquals(Duration.ofMinutes(1), LocalScheduler.every("rate(1 minute)"));
        assertEquals(Duration.ofHours(6), LocalScheduler.every("rate(6 hours)"));
        assertEquals(Duration.ofDays(1), LocalScheduler.every("rate(1 day)"));
        assertNull(LocalScheduler.every("cron(0 18 * * ? *)"));
    }

    @Test
    void scheduledFunctions_areListed_andRunOnDemand_withAScheduledEvent() {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().setSystemProperties(false)
                .template(TestSupport.template()))) {
            JsonNode list = TestSupport.get(local.gatewayUrl() + "/local/schedules").json().get("schedules");
            assertEquals(2, list.size());
            assertEquals("rate(1 minute)", list.get(0).get("expression").asText());
            assertTrue(list.get(0).get("emulated").asBoolean());
            assertTrue(!list.get(1).get("enabled").asBoolean() && !list.get(1).get("emulated").asBoolean());

            TestSupport.Answer run = TestSupport.post(local.gatewayUrl() + "/local/schedules/TickFunction", "");
            assertEquals(200, run.status(), run.body());
            JsonNode result = run.json().get("result");
            assertEquals("aws.events", result.get("source").asText());
            assertEquals("Scheduled Event", result.get("detailType").asText());
            assertEquals("TickFunction", result.get("function").asText());
            assertEquals(404, TestSupport.post(local.gatewayUrl() + "/local/schedules/EchoFunction", "").status());
        }
    }
}
