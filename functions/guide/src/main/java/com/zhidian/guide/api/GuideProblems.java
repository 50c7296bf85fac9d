package com.zhidian.guide.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.guide.domain.GuideErrors.CategoryNotFound;
import com.zhidian.guide.domain.GuideErrors.EventNotFound;
import com.zhidian.guide.domain.GuideErrors.GuideNotFound;
import com.zhidian.guide.domain.GuideErrors.MapStale;
import com.zhidian.guide.domain.GuideErrors.PlacementNotFound;
import com.zhidian.guide.domain.GuideErrors.ProductNotFound;
import com.zhidian.guide.domain.GuideErrors.StoreNotFound;
import com.zhidian.guide.domain.GuideErrors.TooManyEvents;
import com.zhidian.guide.domain.GuideErrors.ZoneNotFound;

/** The guide context's one mapping of its refusals to status, title and words in English and Chinese. */
final class GuideProblems {
    private GuideProblems() {}

    static final ProblemTable TABLE = new ProblemTable()
            .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                    e -> "未找到门店 " + e.facts().get("storeId"))
            .on(MapStale.class, 409, "Conflict", e -> "the map was saved by someone else since version " + e.facts().get("given")
                            + " (it is at version " + e.facts().get("current") + "); reload it and draw again",
                    e -> "地图已被他人保存（当前版本 " + e.facts().get("current") + "，您编辑的是版本 " + e.facts().get("given") + "），请重新加载后再修改")
            .onField(ZoneNotFound.class, "zoneId", e -> "zone " + e.facts().get("zoneId") + " is not on the store's map",
                    e -> "门店地图上没有区域 " + e.facts().get("zoneId"))
            .on(ProductNotFound.class, 404, "Not found", e -> "product " + e.facts().get("gtin") + " was not found",
                    e -> "未找到商品 " + e.facts().get("gtin"))
            .on(CategoryNotFound.class, 404, "Not found", e -> "category " + e.facts().get("categoryId") + " was not found",
                    e -> "未找到分类 " + e.facts().get("categoryId"))
            .on(PlacementNotFound.class, 404, "Not found", e -> "nothing is placed for " + e.facts().get("key"),
                    e -> e.facts().get("key") + " 尚未设置位置")
            .on(EventNotFound.class, 404, "Not found", e -> "event " + e.facts().get("eventId") + " was not found",
                    e -> "未找到活动 " + e.facts().get("eventId"))
            .on(TooManyEvents.class, 409, "Conflict", e -> "a store keeps at most " + e.facts().get("max") + " events; delete ended ones first",
                    e -> "每家门店最多保存 " + e.facts().get("max") + " 个活动，请先删除已结束的活动")
            .on(GuideNotFound.class, 404, "Not found", e -> "this store guide was not found", e -> "未找到该门店导购");
}
