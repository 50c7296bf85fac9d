package com.zhidian.telemetry.domain;

import java.util.Optional;

/** A store's alert settings (absent: the defaults). */
public interface SettingsRepository {
    Optional<AlertSettings> find(String tenantId, String storeId);

    void put(String tenantId, String storeId, AlertSettings settings);
}
