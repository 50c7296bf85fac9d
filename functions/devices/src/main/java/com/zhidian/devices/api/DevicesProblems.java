package com.zhidian.devices.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.devices.domain.DeviceErrors.DeviceNotFound;
import com.zhidian.devices.domain.DeviceErrors.GtinNotForKind;
import com.zhidian.devices.domain.DeviceErrors.InvalidGtin;
import com.zhidian.devices.domain.DeviceErrors.NotABoundLabel;
import com.zhidian.devices.domain.DeviceErrors.ProductNotFound;
import com.zhidian.devices.domain.DeviceErrors.StoreNotFound;

/** The devices context's one mapping of its domain failures to status, title and words in English and Chinese. */
final class DevicesProblems {
    private DevicesProblems() {}

    static ProblemTable table() {
        return new ProblemTable()
                .on(InvalidGtin.class, 400, "Invalid request", e -> "gtin: " + e.facts().get("gtin") + " is not a valid GTIN (length or check digit)",
                        e -> "商品条码：" + e.facts().get("gtin") + " 不是有效的商品条码（位数或校验位不对）")
                .on(GtinNotForKind.class, 400, "Invalid request", e -> "gtin: only a shelf label (esl) is bound to a product, not a "
                        + e.facts().get("kind"), e -> "商品条码：只有电子价签（esl）可以绑定商品，" + e.facts().get("kind") + " 不可以")
                .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                        e -> "未找到门店 " + e.facts().get("storeId"))
                .on(ProductNotFound.class, 404, "Not found", e -> "product " + e.facts().get("gtin") + " was not found",
                        e -> "未找到商品 " + e.facts().get("gtin"))
                .on(DeviceNotFound.class, 404, "Not found", e -> "device " + e.facts().get("deviceId") + " was not found",
                        e -> "未找到设备 " + e.facts().get("deviceId"))
                .on(NotABoundLabel.class, 409, "Conflict", e -> "device " + e.facts().get("deviceId")
                        + " is not a shelf label bound to a product: there is no price to push",
                        e -> "设备 " + e.facts().get("deviceId") + " 不是绑定了商品的电子价签，没有价格可推送");
    }
}
