package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.DeliveryQueue;
import java.util.ArrayList;
import java.util.List;

/** A queue the test drains itself: at least once, so a job can be taken again (a retry, a consumer killed mid-batch). */
public final class FakeQueue implements DeliveryQueue {
    public final List<Job> jobs = new ArrayList<>();

    @Override
    public synchronized void send(List<Job> batch) {
        jobs.addAll(batch);
    }
}
