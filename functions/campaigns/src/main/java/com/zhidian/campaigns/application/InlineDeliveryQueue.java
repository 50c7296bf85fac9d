package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.DeliveryQueue;
import java.util.List;

/**
 * A queue that delivers each job at once, in the sender's thread: for a deployment without the delivery queue
 * (tests, a first local run). A job deferred by quiet hours stays recorded as deferred with its time.
 */
public final class InlineDeliveryQueue implements DeliveryQueue {
    private final DeliveryService deliveries;

    public InlineDeliveryQueue(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void send(List<Job> jobs) {
        for (Job j : jobs) deliveries.handle(j);
    }
}
