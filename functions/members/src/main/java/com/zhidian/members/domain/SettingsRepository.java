package com.zhidian.members.domain;

import java.time.ZoneId;

/** A tenant's points settings (defaults until the owner sets them) and its time zone. */
public interface SettingsRepository {
    PointsSettings points(String tenantId);

    void savePoints(String tenantId, PointsSettings settings);

    ZoneId zone(String tenantId);
}
