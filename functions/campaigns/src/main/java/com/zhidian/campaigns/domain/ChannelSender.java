package com.zhidian.campaigns.domain;

/**
 * The port a channel's provider plugs into (SMS: Amazon SNS; WeChat: subscription messages): one delivered message to
 * one member. The in-app channel needs none (the message centre is the delivery). A sender throws when the provider
 * refused or could not be reached, and the job comes back to try again; a member the channel cannot reach (no phone,
 * no WeChat openid) is answered {@link Sent#unreachable}, which is final.
 */
public interface ChannelSender {
    /** Where to reach the member: the phone for SMS (E.164), the WeChat openid of the tenant's mini-program. */
    record Recipient(String memberId, String phone, String wechatOpenId) {}

    /** What became of it: {@code via} (sns, wechat, local_outbox, unreachable) and the provider's message id. */
    record Sent(String via, String providerId) {
        public static Sent unreachable() { return new Sent("unreachable", null); }
    }

    Sent send(Message message, Recipient to);

    /** Zhidian Local's sender: the message stays in the channel's outbox (the owner's outbox page), nothing leaves the machine. */
    ChannelSender LOCAL_OUTBOX = (m, to) -> new Sent("local_outbox", null);
}
