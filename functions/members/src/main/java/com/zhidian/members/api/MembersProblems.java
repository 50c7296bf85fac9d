package com.zhidian.members.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.members.domain.MembersErrors.AdjustOverLimit;
import com.zhidian.members.domain.MembersErrors.AdjustUnconfirmed;
import com.zhidian.members.domain.MembersErrors.MemberErased;
import com.zhidian.members.domain.MembersErrors.MemberNotFound;
import com.zhidian.members.domain.MembersErrors.NotEnoughPoints;
import com.zhidian.members.domain.MembersErrors.PhoneTaken;

/** The members context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class MembersProblems {
    private MembersProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(MemberNotFound.class, 404, "Not found",
                    e -> "member " + e.memberId() + " was not found",
                    e -> "未找到会员 " + e.memberId())
            .on(NotEnoughPoints.class, 422, "Not enough points",
                    e -> "the balance is " + e.balance() + " points; " + e.wanted() + " were asked for",
                    e -> "积分余额为 " + e.balance() + "，本次需要 " + e.wanted())
            .on(AdjustOverLimit.class, 422, "Adjustment over the limit",
                    e -> "an adjustment may move at most " + e.limit() + " points; " + e.points() + " were asked for",
                    e -> "单次调整最多 " + e.limit() + " 积分，本次为 " + e.points())
            .on(AdjustUnconfirmed.class, 422, "Adjustment needs confirming",
                    e -> e.points() + " points is more than " + e.threshold() + "; send it again with confirmed: true",
                    e -> "调整 " + e.points() + " 积分超过 " + e.threshold() + "，请确认后再提交")
            .on(PhoneTaken.class, 409, "Conflict",
                    e -> "a member with this phone number already exists in this tenant",
                    e -> "该手机号已是本商户的会员")
            .on(MemberErased.class, 409, "Conflict",
                    e -> "this member's personal data was erased; the membership is closed",
                    e -> "该会员的个人数据已删除，会员资格已关闭");
}
