package com.zhidian.lockers.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.orders.api.OrdersProblems;
import com.zhidian.lockers.domain.LockerErrors.AlreadyDeposited;
import com.zhidian.lockers.domain.LockerErrors.AlreadySetUp;
import com.zhidian.lockers.domain.LockerErrors.CompartmentNotFound;
import com.zhidian.lockers.domain.LockerErrors.LockerNotFound;
import com.zhidian.lockers.domain.LockerErrors.NoFreeCompartment;
import com.zhidian.lockers.domain.LockerErrors.NoPickupCode;
import com.zhidian.lockers.domain.LockerErrors.NotALocker;
import com.zhidian.lockers.domain.LockerErrors.OrderNotDepositable;
import com.zhidian.lockers.domain.LockerErrors.OrderNotFound;
import com.zhidian.lockers.domain.LockerErrors.StoreNotFound;
import com.zhidian.lockers.domain.LockerErrors.WrongState;

/** The lockers context's one mapping of its refusals to status, title and words in English and Chinese. */
final class LockersProblems {
    private LockersProblems() {}

    /** With orders' refusals: a deposit moves the order through orders' application service, in process. */
    static final ProblemTable TABLE = new ProblemTable()
            .including(OrdersProblems.TABLE)
            .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                    e -> "未找到门店 " + e.facts().get("storeId"))
            .on(LockerNotFound.class, 404, "Not found", e -> "locker " + e.facts().get("lockerId") + " was not found",
                    e -> "未找到储物柜 " + e.facts().get("lockerId"))
            .on(CompartmentNotFound.class, 404, "Not found", e -> "compartment " + e.facts().get("compartmentId") + " was not found",
                    e -> "未找到格口 " + e.facts().get("compartmentId"))
            .on(OrderNotFound.class, 404, "Not found", e -> "order " + e.facts().get("orderId") + " was not found",
                    e -> "未找到订单 " + e.facts().get("orderId"))
            .onField(NotALocker.class, "deviceId", e -> "device " + e.facts().get("deviceId") + " is not a registered locker of this store",
                    e -> "设备 " + e.facts().get("deviceId") + " 不是本门店已登记的储物柜")
            .on(AlreadySetUp.class, 409, "Conflict", e -> "device " + e.facts().get("deviceId") + " is already set up as a locker",
                    e -> "设备 " + e.facts().get("deviceId") + " 已设置为储物柜")
            .on(NoFreeCompartment.class, 409, "Conflict", e -> "no free compartment of size " + e.facts().get("size") + " or larger",
                    e -> "没有 " + e.facts().get("size") + " 号或更大的空闲格口")
            .on(OrderNotDepositable.class, 409, "Conflict", e -> "order " + e.facts().get("orderId") + " is "
                    + e.facts().get("status") + ": only a paid or picking pickup order goes into a locker",
                    e -> "订单 " + e.facts().get("orderId") + " 当前为 " + e.facts().get("status") + "，只有已付款或拣货中的自提订单可以存入储物柜")
            .on(AlreadyDeposited.class, 409, "Conflict", e -> "order " + e.facts().get("orderId") + " is already in a locker",
                    e -> "订单 " + e.facts().get("orderId") + " 已存入储物柜")
            .on(WrongState.class, 409, "Conflict", e -> "compartment " + e.facts().get("compartmentId") + " is "
                    + e.facts().get("state") + ", not " + e.facts().get("wanted"),
                    e -> "格口 " + e.facts().get("compartmentId") + " 当前为 " + e.facts().get("state") + "，不是 " + e.facts().get("wanted"))
            .on(NoPickupCode.class, 404, "Not found", e -> "order " + e.facts().get("orderId") + " has no pickup code (it is in no locker)",
                    e -> "订单 " + e.facts().get("orderId") + " 没有取件码（未存入储物柜）");
}
