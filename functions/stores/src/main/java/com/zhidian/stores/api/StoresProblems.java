package com.zhidian.stores.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.stores.domain.StoresErrors.EmailTaken;
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
            .on(EmailTaken.class, 409, "Conflict",
                    e -> "this email address already has a Zhidian login; use another address",
                    e -> "该邮箱已有智店账号，请换一个邮箱");
}
