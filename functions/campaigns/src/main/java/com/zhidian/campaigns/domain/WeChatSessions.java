package com.zhidian.campaigns.domain;

/**
 * WeChat's code2Session behind a port: the code {@code wx.login} gave the mini-program becomes the member's openid for
 * the tenant's mini-program (WeChat's API in AWS; Zhidian Local's stand-in locally). Throws
 * {@link CampaignsErrors.WeChatCodeRefused} when WeChat refuses the code.
 */
public interface WeChatSessions {
    String openId(String code);
}
