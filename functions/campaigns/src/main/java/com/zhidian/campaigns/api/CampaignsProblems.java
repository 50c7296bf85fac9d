package com.zhidian.campaigns.api;

import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.core.http.ProblemTable;

/** The campaigns context's one mapping of its refusals to status and words. */
public final class CampaignsProblems {
    private CampaignsProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(CampaignsErrors.SegmentNotFound.class, 404, "Not found",
                    e -> "segment " + e.segmentId() + " was not found", e -> "没有找到人群 " + e.segmentId())
            .on(CampaignsErrors.CampaignNotFound.class, 404, "Not found",
                    e -> "campaign " + e.campaignId() + " was not found", e -> "没有找到营销活动 " + e.campaignId())
            .on(CampaignsErrors.MessageNotFound.class, 404, "Not found",
                    e -> "message " + e.messageId() + " was not found", e -> "没有找到消息 " + e.messageId())
            .onField(CampaignsErrors.UnknownSegment.class, "segmentId",
                    e -> "no such segment", e -> "没有这个人群")
            .onField(CampaignsErrors.UnknownCouponTemplate.class, "couponTemplateId",
                    e -> "no such coupon template", e -> "没有这个券模板")
            .onField(CampaignsErrors.SendAtPast.class, "sendAt",
                    e -> "must not be in the past", e -> "不能早于现在")
            .on(CampaignsErrors.WrongState.class, 409, "Conflict",
                    e -> "a campaign that is " + e.status() + " cannot be " + ("send".equals(e.action()) ? "sent" : "cancelled"),
                    e -> "营销活动当前为 " + e.status() + "，不能" + ("send".equals(e.action()) ? "发送" : "取消"))
            .on(CampaignsErrors.BadUnsubscribeLink.class, 422, "Request refused",
                    e -> "this unsubscribe link is not valid for you", e -> "此退订链接无效或不属于您")
            .on(CampaignsErrors.WeChatCodeRefused.class, 422, "Request refused",
                    e -> "WeChat did not accept this login code (it lasts 5 minutes and works once); log in again",
                    e -> "微信未接受此登录凭证（5 分钟内有效，只能用一次），请重新登录")
            .on(CampaignsErrors.UndoExpired.class, 409, "Conflict",
                    e -> "the unsubscribe can be undone only in the first few minutes; turn marketing messages on in the member page",
                    e -> "退订只能在几分钟内撤销；如需重新接收，请在会员页中开启");
}
