package com.zhidian.campaigns.domain;

import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns, their deliveries, the members' recent contacts (for the cap) and the messages delivered. */
public interface CampaignRepository {
    void create(Campaign c);

    Optional<Campaign> get(String tenantId, String campaignId);

    /** Newest first. */
    Page<Campaign> list(String tenantId, int limit, String cursor);

    /** Scheduled campaigns of every tenant whose send time has come, oldest first (the schedule job). */
    List<Campaign> dueScheduled(Instant now, int limit);

    /** Replaces the campaign if its status is still {@code expectedStatus}; false otherwise. */
    boolean replace(Campaign next, String expectedStatus);

    Optional<Delivery> delivery(String tenantId, String campaignId, String memberId);

    Page<Delivery> deliveries(String tenantId, String campaignId, int limit, String cursor);

    /** Counts of the campaign's deliveries by status and by reason ({@code "delivered"}, {@code "skipped:holdout"}...). */
    Map<String, Long> counts(String tenantId, String campaignId);

    /** Records a skip or a deferral unless the member already has a finished delivery; false when it has. */
    boolean record(Delivery d);

    /** The member's delivery times for the cap, with the version the next {@link #deliver} must find. */
    record Contacts(List<Instant> times, long version, String wechatOpenId) {
        public Contacts(List<Instant> times, long version) {
            this(times, version, null);
        }
    }

    /** The member's contacts, kept on its summary item with the WeChat openid it bound (null when none). */
    Contacts contacts(String tenantId, String memberId);

    /** {@link #delivery} and {@link #contacts} of many members of one campaign at once (the consumer's batch). */
    default Map<String, Delivery> deliveries(String tenantId, String campaignId, java.util.Collection<String> memberIds) {
        Map<String, Delivery> out = new java.util.HashMap<>();
        for (String m : memberIds) delivery(tenantId, campaignId, m).ifPresent(d -> out.put(m, d));
        return out;
    }

    default Map<String, Contacts> contacts(String tenantId, java.util.Collection<String> memberIds) {
        Map<String, Contacts> out = new java.util.HashMap<>();
        for (String m : memberIds) out.put(m, contacts(tenantId, m));
        return out;
    }

    /**
     * What a batch of deliveries reads before deciding: the campaign, the members' earlier deliveries, their contacts,
     * and the tenant's push settings when the store read them too ({@code settings} empty: ask the segments' store).
     */
    record BatchState(Optional<Campaign> campaign, Map<String, Delivery> deliveries, Map<String, Contacts> contacts,
                      Optional<PushSettings> settings) {}

    /** {@link #get}, {@link #deliveries} and {@link #contacts} at once (a store may read them in one round trip). */
    default BatchState batchState(String tenantId, String campaignId, java.util.Collection<String> memberIds) {
        return new BatchState(get(tenantId, campaignId), deliveries(tenantId, campaignId, memberIds), contacts(tenantId, memberIds),
                Optional.empty());
    }

    /** One delivery to write: a skip or deferral ({@code message} null) or a delivered message with its contacts. */
    record Write(Delivery delivery, Message message, Contacts before, List<Instant> after) {}

    /**
     * Every write of a consumer's batch in one transaction (at most 33 members), each with its own condition as
     * {@link #record} and {@link #deliver}: false when any failed (then nothing was written and each is tried alone).
     */
    default boolean commit(List<Write> writes) {
        return false;
    }

    /**
     * In one transaction: the delivery (unless a finished one exists), the message (in the centre or the channel's
     * outbox) and the member's contacts (if still at {@code before.version()}). False when any condition failed.
     */
    boolean deliver(Delivery d, Message m, Contacts before, List<Instant> after);

    /** Adds the coupon handed out with a delivered message to the delivery and the message. */
    void attachCoupon(Delivery d, String channel, String couponCode);

    /** The member's in-app messages, newest first. */
    Page<Message> messages(String tenantId, String memberId, int limit, String cursor);

    long unread(String tenantId, String memberId);

    Optional<Message> message(String tenantId, String memberId, String messageId);

    void markRead(String tenantId, String memberId, String messageId, Instant at);

    /** A channel's outbox (SMS, WeChat), newest first: what the adapter sent or would send. */
    Page<Message> outbox(String tenantId, String channel, int limit, String cursor);

    /** An outbox message with where it went: the recipient masked (phone or openid) and the sender's {@code via}. */
    record OutboxEntry(Message message, String toMasked, String via) {}

    /** {@link #outbox} with each message's masked recipient and sender (null until dispatched). */
    default Page<OutboxEntry> outboxEntries(String tenantId, String channel, int limit, String cursor) {
        Page<Message> p = outbox(tenantId, channel, limit, cursor);
        return new Page<>(p.items().stream().map(m -> new OutboxEntry(m, null, null)).toList(), p.nextCursor());
    }

    /** {@link #markDispatched}, keeping the recipient masked (the outbox page shows it). */
    default void markDispatched(String tenantId, String channel, String messageId, String via, String providerId, Instant at,
                                String toMasked) {
        markDispatched(tenantId, channel, messageId, via, providerId, at);
    }

    /** Every delivery of the campaign with the marks made on it afterwards (read, unsubscribed), for its results. */
    List<Outcome> outcomes(String tenantId, String campaignId);

    /** Marks the member's delivery of the campaign with {@code mark} ({@link Outcome#READ}, {@link Outcome#UNSUBSCRIBED}) once. */
    void mark(String tenantId, String campaignId, String memberId, String mark, Instant at);

    /** Whether an outbox message (SMS, WeChat) was handed to its channel's sender already. */
    boolean dispatched(String tenantId, String channel, String messageId);

    /** Records, once, that the sender took the message ({@code via}: sns, wechat, local_outbox, unreachable; the provider's id). */
    void markDispatched(String tenantId, String channel, String messageId, String via, String providerId, Instant at);
}
