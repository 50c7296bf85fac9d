package com.zhidian.campaigns.domain;

import java.time.Instant;
import java.util.List;

/**
 * One member as campaigns keeps it, one item per member in one partition per tenant, so a preview is one paged query
 * counted in memory: the member's facts, consents and points balance as the members' stream last told them
 * ({@code member} null until it has), the purchase-history profile from paid and refunded orders, the recent contacts
 * (frequency cap) and the channels that reach the member (a phone on file; the WeChat openid bound from the
 * mini-program). Consent is read again from the members context at the moment of delivery: the summary may lag.
 */
public record MemberSummary(AudienceMember member, Profile profile, List<Instant> contacts, boolean hasPhone,
                            String wechatOpenId) {
    public MemberSummary {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Whose summary this is (the profile names the member even before the members' stream has told its facts). */
    public String memberId() {
        return member != null ? member.memberId() : profile.memberId();
    }

    /** Whether the campaign's channel can reach the member (in-app always can). */
    public boolean reachable(String channel) {
        return reachable(channel, hasPhone, wechatOpenId);
    }

    public static boolean reachable(String channel, boolean hasPhone, String wechatOpenId) {
        if (Campaign.SMS.equals(channel)) return hasPhone;
        if (Campaign.WECHAT.equals(channel)) return wechatOpenId != null && !wechatOpenId.isEmpty();
        return true;
    }
}
