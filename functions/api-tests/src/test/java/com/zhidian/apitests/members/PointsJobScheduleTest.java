package com.zhidian.apitests.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The points job is declared with an hourly schedule in template.yaml; Zhidian Local runs it as EventBridge would. */
class PointsJobScheduleTest {

    @Test
    void pointsJob_isScheduledHourly_andRunsOnDemand() {
        Api local = Fixtures.anonymous();
        JsonNode schedules = local.get("/local/schedules").json().get("schedules");
        boolean hourly = false;
        for (JsonNode s : schedules) {
            if ("PointsExpiryFunction".equals(s.get("function").asText())) {
                hourly = "rate(1 hour)".equals(s.get("expression").asText()) && s.get("emulated").asBoolean();
            }
        }
        assertTrue(hourly, "PointsExpiryFunction runs every hour: " + schedules);
        Api.Res run = local.post("/local/schedules/PointsExpiryFunction", null);
        assertEquals(200, run.status(), run::toString);
        JsonNode result = run.json().get("result");
        for (String f : new String[] {"released", "membersWithExpiry", "pointsExpired"}) {
            assertTrue(result.get(f).isIntegralNumber(), f + " in " + result);
        }
    }
}
