package com.zhidian.parking.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.parking.domain.ParkingErrors.CarNotFound;
import com.zhidian.parking.domain.ParkingErrors.DuplicateZone;
import com.zhidian.parking.domain.ParkingErrors.NoCard;
import com.zhidian.parking.domain.ParkingErrors.NoCarPark;
import com.zhidian.parking.domain.ParkingErrors.NothingDue;
import com.zhidian.parking.domain.ParkingErrors.PaymentFailed;
import com.zhidian.parking.domain.ParkingErrors.PlateNotFound;
import com.zhidian.parking.domain.ParkingErrors.PlateTaken;
import com.zhidian.parking.domain.ParkingErrors.SessionNotFound;
import com.zhidian.parking.domain.ParkingErrors.StoreNotFound;
import com.zhidian.parking.domain.ParkingErrors.TooManyPlates;

/** The parking context's one mapping of its refusals to status, title and words in English and Chinese. */
final class ParkingProblems {
    private ParkingProblems() {}

    static final ProblemTable TABLE = new ProblemTable()
            .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                    e -> "未找到门店 " + e.facts().get("storeId"))
            .on(NoCarPark.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " has no car park",
                    e -> "门店 " + e.facts().get("storeId") + " 没有停车场")
            .on(CarNotFound.class, 404, "Not found", e -> "no car with this plate is in the car park",
                    e -> "停车场内没有该车牌的车辆")
            .on(SessionNotFound.class, 404, "Not found", e -> "parking stay " + e.facts().get("sessionId") + " was not found",
                    e -> "未找到停车记录 " + e.facts().get("sessionId"))
            .on(PlateNotFound.class, 404, "Not found", e -> "plate " + e.facts().get("plate") + " is not one of yours",
                    e -> "车牌 " + e.facts().get("plate") + " 不是您绑定的车牌")
            .on(PlateTaken.class, 409, "Conflict", e -> "plate " + e.facts().get("plate") + " is bound to another member",
                    e -> "车牌 " + e.facts().get("plate") + " 已被其他会员绑定")
            .on(TooManyPlates.class, 409, "Conflict", e -> "a member binds at most " + e.facts().get("max") + " plates",
                    e -> "每位会员最多绑定 " + e.facts().get("max") + " 个车牌")
            .on(NothingDue.class, 409, "Conflict", e -> "stay " + e.facts().get("sessionId") + " owes nothing",
                    e -> "停车记录 " + e.facts().get("sessionId") + " 无需付费")
            .on(PaymentFailed.class, 422, "Payment refused", e -> "the card was declined (" + e.facts().get("reason") + ")",
                    e -> "银行卡支付失败（" + e.facts().get("reason") + "）")
            .on(NoCard.class, 409, "Conflict", e -> "no card is saved for pay-after-exit",
                    e -> "尚未绑定先离场后付费的银行卡")
            .onField(DuplicateZone.class, "zones", e -> "zone " + e.facts().get("zone") + " is named twice",
                    e -> "区域 " + e.facts().get("zone") + " 重复");
}
