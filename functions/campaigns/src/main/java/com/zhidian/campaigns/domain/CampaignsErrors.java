package com.zhidian.campaigns.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The campaigns context's refusals. */
public final class CampaignsErrors {
    private CampaignsErrors() {}

    public static final class SegmentNotFound extends DomainException {
        public SegmentNotFound(String segmentId) { super("campaigns.segment_not_found", Map.of("segmentId", segmentId)); }
        public String segmentId() { return (String) facts().get("segmentId"); }
    }

    public static final class CampaignNotFound extends DomainException {
        public CampaignNotFound(String campaignId) { super("campaigns.campaign_not_found", Map.of("campaignId", campaignId)); }
        public String campaignId() { return (String) facts().get("campaignId"); }
    }

    public static final class MessageNotFound extends DomainException {
        public MessageNotFound(String messageId) { super("campaigns.message_not_found", Map.of("messageId", messageId)); }
        public String messageId() { return (String) facts().get("messageId"); }
    }

    /** The segment a new campaign names does not exist (a field of the request, found once the store was read). */
    public static final class UnknownSegment extends DomainException {
        public UnknownSegment(String segmentId) { super("campaigns.unknown_segment", Map.of("segmentId", segmentId)); }
    }

    /** The coupon template a new campaign names does not exist. */
    public static final class UnknownCouponTemplate extends DomainException {
        public UnknownCouponTemplate(String templateId) { super("campaigns.unknown_coupon_template", Map.of("templateId", templateId)); }
    }

    /** Sending or cancelling a campaign that is past that point. */
    public static final class WrongState extends DomainException {
        public WrongState(String status, String action) {
            super("campaigns.wrong_state", Map.of("status", status, "action", action));
        }
        public String status() { return (String) facts().get("status"); }
        public String action() { return (String) facts().get("action"); }
    }

    /** An unsubscribe link that was not signed by Zhidian for this member. */
    public static final class BadUnsubscribeLink extends DomainException {
        public BadUnsubscribeLink() { super("campaigns.bad_unsubscribe_link"); }
    }

    /** A sendAt in the past. */
    public static final class SendAtPast extends DomainException {
        public SendAtPast() { super("campaigns.send_at_past"); }
    }

    /** WeChat did not accept the mini-program login code (unknown, expired after 5 minutes, or used already). */
    public static final class WeChatCodeRefused extends DomainException {
        public WeChatCodeRefused(int errcode) { super("campaigns.wechat_code_refused", Map.of("errcode", errcode)); }
    }

    /** The undo on the unsubscribe page came after its few minutes, or there is nothing of the link's to undo. */
    public static final class UndoExpired extends DomainException {
        public UndoExpired() { super("campaigns.undo_expired"); }
    }
}
