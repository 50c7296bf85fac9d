package com.zhidian.members.fakes;

import com.zhidian.members.domain.TextLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The texted-codes record in memory, with the same version check as the DynamoDB item. */
public final class InMemoryTextLog implements TextLog {
    private final Map<String, Sent> byPhone = new HashMap<>();

    @Override
    public synchronized Sent read(String tenantId, String phone) {
        return byPhone.getOrDefault(tenantId + "/" + phone, new Sent(List.of(), 0));
    }

    @Override
    public synchronized boolean write(String tenantId, String phone, List<Instant> at, long version) {
        if (read(tenantId, phone).version() != version) return false;
        byPhone.put(tenantId + "/" + phone, new Sent(List.copyOf(at), version + 1));
        return true;
    }
}
