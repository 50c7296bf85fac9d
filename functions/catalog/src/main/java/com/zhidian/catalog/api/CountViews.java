package com.zhidian.catalog.api;

import com.zhidian.catalog.domain.CountLine;
import com.zhidian.catalog.domain.CountRules;
import com.zhidian.catalog.domain.Gtin;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stock counts as JSON. Blind count (盲盘): while a count is open, staff see what they counted but not what the books
 * expect (on hand at the count, variance, totals at cost); the owner sees all, and everyone sees all once finished.
 */
final class CountViews {
    private CountViews() {}

    static boolean blind(Caller caller, StockCount c) {
        return caller.is(Role.STAFF) && !StockCount.FINISHED.equals(c.status());
    }

    static Map<String, Object> header(StockCount c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("countId", c.countId());
        m.put("storeId", c.storeId());
        m.put("status", c.status());
        m.put("scope", c.scope());
        m.put("categoryId", c.categoryId());
        m.put("assigneeId", c.assigneeId());
        m.put("dueOn", c.dueOn());
        m.put("lineCount", c.lineCount());
        m.put("countedLines", c.countedLines());
        m.put("linesLeft", c.linesLeft());
        m.put("openedBy", c.openedBy());
        m.put("openedAt", c.openedAt());
        m.put("closedBy", c.closedBy());
        m.put("closedAt", c.closedAt());
        return m;
    }

    static Map<String, Object> count(Caller caller, StockCount c) {
        boolean blind = blind(caller, c);
        Map<String, Object> m = header(c);
        m.put("blind", blind);
        m.put("lines", c.lines().stream().map(l -> line(l, blind)).toList());
        if (!blind) {
            CountRules.Totals t = CountRules.totals(c.lines());
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("lines", t.lines());
            totals.put("counted", t.counted());
            totals.put("uncounted", t.uncounted());
            totals.put("overLines", t.overLines());
            totals.put("shortLines", t.shortLines());
            totals.put("overFen", t.overFen());
            totals.put("shortFen", t.shortFen());
            totals.put("varianceFen", t.netFen());
            totals.put("currency", "CNY");
            m.put("totals", totals);
        }
        return m;
    }

    static Map<String, Object> line(CountLine l, boolean blind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", l.gtin());
        m.put("gtinShort", new Gtin(l.gtin()).display());
        m.put("name", l.name());
        m.put("unit", l.unit());
        m.put("soldBy", l.weighed() ? "weight" : "piece");
        m.put("counted", l.counted());
        m.put("countedBy", l.countedBy());
        m.put("countedAt", l.countedAt());
        if (!blind) {
            m.put("onHandAtCount", l.onHandAtCount());
            m.put("variance", CountRules.variance(l));
            m.put("varianceFen", CountRules.varianceFen(l));
            m.put("lastCost", l.lastCost());
        }
        return m;
    }
}
