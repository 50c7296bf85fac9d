package com.zhidian.stores.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.stores.domain.StoresErrors.CannotDisableSelf;
import com.zhidian.stores.domain.StoresErrors.CodeTaken;
import com.zhidian.stores.domain.StoresErrors.EmailTaken;
import com.zhidian.stores.domain.StoresErrors.OwnerHasAllStores;
import com.zhidian.stores.domain.StoresErrors.StaffNotFound;
import com.zhidian.stores.domain.StoresErrors.StoreNotFound;
import com.zhidian.stores.domain.StoresErrors.UnknownStores;

/** The stores context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class StoresProblems {
    private StoresProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(StoreNotFound.class, 404, "Not found",
                    e -> "store " + e.storeId() + " was not found",
                    e -> "未找到门店 " + e.storeId())
            .onField(UnknownStores.class, "storeIds",
                    e -> "unknown stores: " + String.join(", ", e.storeIds()),
                    e -> "没有这些门店：" + String.join("、", e.storeIds()))
            .on(StaffNotFound.class, 404, "Not found",
                    e -> "user " + e.userId() + " was not found",
                    e -> "未找到员工账号 " + e.userId())
            .on(CannotDisableSelf.class, 409, "Conflict",
                    e -> "you cannot disable your own login",
                    e -> "不能停用自己的账号")
            .onField(OwnerHasAllStores.class, "storeIds",
                    e -> "an owner sees every store of the tenant; leave storeIds out",
                    e -> "店主可查看全部门店，无需指定门店")
            .on(CodeTaken.class, 409, "Conflict",
                    e -> "another store already starts its order numbers with " + e.storeCode() + "; choose another code",
                    e -> "其他门店已使用订单号前缀 " + e.storeCode() + "，请换一个")
            .on(EmailTaken.class, 409, "Conflict",
                    e -> "this email address already has a Zhidian login; use another address",
                    e -> "该邮箱已有智店账号，请换一个邮箱");
}
