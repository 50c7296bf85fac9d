package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.WeChatSessions;

/**
 * A member binds its WeChat identity from the mini-program: the {@code wx.login} code goes through code2Session to the
 * member's openid, kept on its summary (personal data: removed when the member is erased), where WeChat subscription
 * messages find it. Binding again replaces it.
 */
public final class WeChatIdentities {
    private final WeChatSessions sessions;
    private final MemberSummaries summaries;

    public WeChatIdentities(WeChatSessions sessions, MemberSummaries summaries) {
        this.sessions = sessions;
        this.summaries = summaries;
    }

    /** Returns the openid masked for showing (its first and last 4 characters). */
    public String bind(String tenantId, String memberId, String code) {
        String openId = sessions.openId(code);
        summaries.bindWeChat(tenantId, memberId, openId);
        return mask(openId);
    }

    public static String mask(String openId) {
        if (openId == null) return null;
        return openId.length() <= 8 ? "****" : openId.substring(0, 4) + "****" + openId.substring(openId.length() - 4);
    }
}
