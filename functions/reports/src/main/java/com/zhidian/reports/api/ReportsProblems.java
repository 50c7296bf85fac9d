package com.zhidian.reports.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.reports.domain.ReportsErrors.BadDate;
import com.zhidian.reports.domain.ReportsErrors.BadRange;
import com.zhidian.reports.domain.ReportsErrors.RangeTooLong;
import com.zhidian.reports.domain.ReportsErrors.StoreNotFound;
import com.zhidian.reports.domain.ReportsErrors.UnknownGroupBy;

/**
 * The reports context's one mapping of its refusals to problem+json (status, English, Chinese). Bad query parameters
 * are 400s whose {@code errors[]} names the parameter (api.md: every invalid input), each with its own code.
 */
public final class ReportsProblems {
    private ReportsProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .onInput(BadRange.class, "Bad range", e -> "from",
                    e -> "from (" + e.from() + ") is after to (" + e.to() + ")",
                    e -> "开始日期（" + e.from() + "）晚于结束日期（" + e.to() + "）")
            .onInput(RangeTooLong.class, "Range too long", e -> "to",
                    e -> "a report by " + e.groupBy() + " covers at most " + e.max() + " days; " + e.days() + " were asked for",
                    e -> "按" + e.groupBy() + "统计的报表最多覆盖 " + e.max() + " 天，本次为 " + e.days() + " 天")
            .onInput(UnknownGroupBy.class, "Unknown groupBy", e -> "groupBy",
                    e -> "must be one of " + e.allowed() + "; got " + e.groupBy(),
                    e -> "须为 " + e.allowed() + " 之一，收到 " + e.groupBy())
            .onInput(BadDate.class, "Bad date", BadDate::field,
                    e -> "must be a date (yyyy-MM-dd); got " + e.value(),
                    e -> "须为日期（yyyy-MM-dd），收到 " + e.value())
            .on(StoreNotFound.class, 404, "Not found",
                    e -> "store " + e.storeId() + " was not found",
                    e -> "未找到门店 " + e.storeId());
}
