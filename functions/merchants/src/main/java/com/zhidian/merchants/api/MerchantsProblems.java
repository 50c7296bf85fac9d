package com.zhidian.merchants.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.merchants.domain.MerchantsErrors.ChangedMeanwhile;
import com.zhidian.merchants.domain.MerchantsErrors.ComplaintNotFound;
import com.zhidian.merchants.domain.MerchantsErrors.CounterNotFound;
import com.zhidian.merchants.domain.MerchantsErrors.IllegalStep;
import com.zhidian.merchants.domain.MerchantsErrors.LicenceTaken;
import com.zhidian.merchants.domain.MerchantsErrors.MerchantNotFound;
import com.zhidian.merchants.domain.MerchantsErrors.NotADepartmentStore;
import com.zhidian.merchants.domain.MerchantsErrors.OutcomeOutOfPlace;
import com.zhidian.merchants.domain.MerchantsErrors.PhotoNotAccepted;
import com.zhidian.merchants.domain.MerchantsErrors.PhotoNotFound;
import com.zhidian.merchants.domain.MerchantsErrors.PhotoTooLarge;
import com.zhidian.merchants.domain.MerchantsErrors.StoreNotFound;
import com.zhidian.merchants.domain.MerchantsErrors.UnknownMerchant;

/** The merchants context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class MerchantsProblems {
    private MerchantsProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(MerchantNotFound.class, 404, "Not found",
                    e -> "merchant " + e.merchantId() + " was not found",
                    e -> "未找到商户 " + e.merchantId())
            .onField(UnknownMerchant.class, "merchantId",
                    e -> "there is no merchant " + e.merchantId(),
                    e -> "没有商户 " + e.merchantId())
            .on(LicenceTaken.class, 409, "Conflict",
                    e -> "a merchant with licence " + e.licenceNo() + " exists already",
                    e -> "统一社会信用代码为 " + e.licenceNo() + " 的商户已存在")
            .on(StoreNotFound.class, 404, "Not found",
                    e -> "store " + e.storeId() + " was not found",
                    e -> "未找到门店 " + e.storeId())
            .on(NotADepartmentStore.class, 409, "Conflict",
                    e -> "counters belong in department stores; store " + e.storeId() + " is a " + e.format() + " store",
                    e -> "专柜只能设在百货门店；门店 " + e.storeId() + " 的业态为 " + e.format())
            .on(CounterNotFound.class, 404, "Not found",
                    e -> "counter " + e.counterId() + " was not found",
                    e -> "未找到专柜 " + e.counterId())
            .on(ComplaintNotFound.class, 404, "Not found",
                    e -> "complaint " + e.complaintId() + " was not found",
                    e -> "未找到投诉 " + e.complaintId())
            .on(IllegalStep.class, 409, "Conflict",
                    e -> "a complaint that is " + e.status() + " cannot take the step " + e.action()
                            + (e.outcome().isEmpty() ? "" : " with outcome " + e.outcome()),
                    e -> "投诉当前为 " + e.status() + "，不能执行 " + e.action() + (e.outcome().isEmpty() ? "" : "（结果 " + e.outcome() + "）"))
            .onField(OutcomeOutOfPlace.class, "outcome",
                    e -> "only a close step carries an outcome, not " + e.action(),
                    e -> "只有结案步骤可以填写结果，" + e.action() + " 不可以")
            .on(ChangedMeanwhile.class, 409, "Conflict",
                    e -> "complaint " + e.complaintId() + " was changed meanwhile; reload it and try again",
                    e -> "投诉 " + e.complaintId() + " 已被他人更新，请刷新后重试")
            .on(PhotoTooLarge.class, 413, "Payload too large",
                    e -> "the photo is " + e.size() + " bytes; at most " + e.max() + " bytes (1 MB) are taken",
                    e -> "照片为 " + e.size() + " 字节，最大 " + e.max() + " 字节（1 MB）")
            .onField(PhotoNotAccepted.class, "photo",
                    e -> e.detected().isEmpty() ? "must be a JPEG, PNG or WebP image"
                            : "the photo is " + e.detected() + ", not the " + e.declared() + " it says",
                    e -> e.detected().isEmpty() ? "照片须为 JPEG、PNG 或 WebP 图片"
                            : "照片实为 " + e.detected() + "，与声明的 " + e.declared() + " 不符")
            .on(PhotoNotFound.class, 404, "Not found",
                    e -> "complaint " + e.complaintId() + " has no photo",
                    e -> "投诉 " + e.complaintId() + " 没有照片");
}
