package com.zhidian.apitests.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;

/** Delivery is asynchronous (the delivery queue and its consumer): tests wait until every queued job has an outcome. */
public final class Deliveries {
    private Deliveries() {}

    /**
     * Polls the campaign until its delivery counts add up to the jobs it queued, and returns it; fails after a bound
     * that only a stuck consumer reaches (the wait is not what is tested, the outcomes are).
     */
    public static JsonNode settled(Api owner, String campaignId) {
        JsonNode c = null;
        for (int i = 0; i < 300; i++) {
            c = owner.get("/campaigns/" + campaignId).json();
            long sum = 0;
            for (JsonNode n : c.path("deliveryCounts")) sum += n.asLong();
            if (c.path("status").asText().equals("sent") && sum >= c.path("queued").asLong()
                    && !c.path("deliveryCounts").has("deferred:quiet_hours")) return c;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the deliveries of " + campaignId + " did not settle: " + c);
    }
}
