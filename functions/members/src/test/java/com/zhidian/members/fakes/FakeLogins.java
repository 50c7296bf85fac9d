package com.zhidian.members.fakes;

import com.zhidian.members.domain.CustomerLogins;
import com.zhidian.members.domain.Member;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class FakeLogins implements CustomerLogins {
    public final Map<String, String> users = new ConcurrentHashMap<>();
    public volatile boolean failNext;
    public volatile boolean failDeletes;

    @Override
    public void create(String tenantId, String phone, String memberId) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("cognito is down");
        }
        users.put(Member.username(tenantId, phone), memberId);
    }

    @Override
    public void delete(String tenantId, String phone) {
        if (failDeletes) throw new IllegalStateException("cognito is down");
        users.remove(Member.username(tenantId, phone));
    }
}
