package com.zhidian.telemetry.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.telemetry.domain.TelemetryErrors.AlertNotFound;
import com.zhidian.telemetry.domain.TelemetryErrors.AlertResolved;
import com.zhidian.telemetry.domain.TelemetryErrors.StoreNotFound;

/** The sensors context's one mapping of its refusals to status, title and words in English and Chinese. */
final class TelemetryProblems {
    private TelemetryProblems() {}

    static final ProblemTable TABLE = new ProblemTable()
            .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                    e -> "未找到门店 " + e.facts().get("storeId"))
            .on(AlertNotFound.class, 404, "Not found", e -> "alert " + e.facts().get("alertId") + " was not found",
                    e -> "未找到告警 " + e.facts().get("alertId"))
            .on(AlertResolved.class, 409, "Conflict", e -> "alert " + e.facts().get("alertId") + " is already resolved",
                    e -> "告警 " + e.facts().get("alertId") + " 已处理完毕");
}
