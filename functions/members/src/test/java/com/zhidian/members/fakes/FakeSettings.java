package com.zhidian.members.fakes;

import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.domain.SettingsRepository;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

public final class FakeSettings implements SettingsRepository {
    private final ConcurrentHashMap<String, PointsSettings> byTenant = new ConcurrentHashMap<>();

    @Override
    public PointsSettings points(String tenantId) {
        return byTenant.getOrDefault(tenantId, PointsSettings.defaults());
    }

    @Override
    public void savePoints(String tenantId, PointsSettings settings) {
        byTenant.put(tenantId, settings);
    }

    @Override
    public ZoneId zone(String tenantId) {
        return ZoneId.of("Asia/Shanghai");
    }
}
