package com.zhidian.campaigns.domain;

import java.util.List;

/** Where a send puts one job per member; a consumer takes them, at least once, and delivers each exactly once in effect. */
public interface DeliveryQueue {
    record Job(String tenantId, String campaignId, String memberId) {}

    void send(List<Job> jobs);
}
