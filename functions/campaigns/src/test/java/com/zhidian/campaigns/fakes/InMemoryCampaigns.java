package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The campaigns repository in memory, with the same conditions as the DynamoDB adapters (one lock stands for a transaction). */
public final class InMemoryCampaigns implements CampaignRepository {
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    public final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final Map<String, Contacts> contacts = new HashMap<>();
    public final List<Message> messages = new ArrayList<>();

    private static String k(String... parts) { return String.join("|", parts); }

    @Override public synchronized void create(Campaign c) { campaigns.put(k(c.tenantId(), c.campaignId()), c); }
    @Override public synchronized Optional<Campaign> get(String t, String id) { return Optional.ofNullable(campaigns.get(k(t, id))); }
    @Override public synchronized Page<Campaign> list(String t, int limit, String cursor) {
        return new Page<>(campaigns.values().stream().filter(c -> c.tenantId().equals(t)).toList(), null);
    }
    @Override public synchronized List<Campaign> dueScheduled(Instant now, int limit) {
        return campaigns.values().stream().filter(c -> Campaign.SCHEDULED.equals(c.status()) && c.sendAt() != null && !c.sendAt().isAfter(now))
                .sorted(Comparator.comparing(Campaign::sendAt)).limit(limit).toList();
    }
    @Override public synchronized boolean replace(Campaign next, String expected) {
        Campaign cur = campaigns.get(k(next.tenantId(), next.campaignId()));
        if (cur == null || !cur.status().equals(expected)) return false;
        campaigns.put(k(next.tenantId(), next.campaignId()), next);
        return true;
    }
    @Override public synchronized Optional<Delivery> delivery(String t, String c, String m) { return Optional.ofNullable(deliveries.get(k(t, c, m))); }
    @Override public synchronized Page<Delivery> deliveries(String t, String c, int limit, String cursor) {
        return new Page<>(deliveries.values().stream().filter(d -> d.tenantId().equals(t) && d.campaignId().equals(c)).toList(), null);
    }
    @Override public synchronized Map<String, Long> counts(String t, String c) {
        Map<String, Long> out = new TreeMap<>();
        for (Delivery d : deliveries(t, c, 0, null).items()) out.merge(d.reason() == null ? d.status() : d.status() + ":" + d.reason(), 1L, Long::sum);
        return out;
    }
    @Override public synchronized boolean record(Delivery d) {
        Delivery cur = deliveries.get(k(d.tenantId(), d.campaignId(), d.memberId()));
        if (cur != null && cur.finished()) return false;
        deliveries.put(k(d.tenantId(), d.campaignId(), d.memberId()), d);
        return true;
    }
    @Override public synchronized Contacts contacts(String t, String m) { return contacts.getOrDefault(k(t, m), new Contacts(List.of(), 0)); }
    @Override public synchronized boolean deliver(Delivery d, Message msg, Contacts before, List<Instant> after) {
        Delivery cur = deliveries.get(k(d.tenantId(), d.campaignId(), d.memberId()));
        if (cur != null && cur.finished()) return false;
        if (contacts(d.tenantId(), d.memberId()).version() != before.version()) return false;
        deliveries.put(k(d.tenantId(), d.campaignId(), d.memberId()), d);
        messages.add(msg);
        contacts.put(k(d.tenantId(), d.memberId()), new Contacts(List.copyOf(after), before.version() + 1));
        return true;
    }
    /** All or nothing, each write's condition as record and deliver have it. */
    @Override public synchronized boolean commit(List<Write> writes) {
        for (Write w : writes) {
            Delivery d = w.delivery();
            Delivery cur = deliveries.get(k(d.tenantId(), d.campaignId(), d.memberId()));
            if (cur != null && cur.finished()) return false;
            if (w.message() != null && contacts(d.tenantId(), d.memberId()).version() != w.before().version()) return false;
        }
        for (Write w : writes) {
            if (w.message() == null) record(w.delivery());
            else deliver(w.delivery(), w.message(), w.before(), w.after());
        }
        return true;
    }
    @Override public synchronized void attachCoupon(Delivery d, String channel, String code) {
        deliveries.put(k(d.tenantId(), d.campaignId(), d.memberId()), new Delivery(d.tenantId(), d.campaignId(), d.memberId(),
                d.status(), d.reason(), d.at(), d.until(), d.messageId(), code));
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.messageId().equals(d.messageId())) messages.set(i, new Message(m.tenantId(), m.memberId(), m.messageId(),
                    m.campaignId(), m.channel(), m.title(), m.body(), code.isEmpty() ? null : code, m.unsubscribeToken(), m.sentAt(), m.readAt()));
        }
    }
    @Override public synchronized Page<Message> messages(String t, String m, int limit, String cursor) {
        return new Page<>(messages.stream().filter(x -> x.tenantId().equals(t) && x.memberId().equals(m) && Campaign.IN_APP.equals(x.channel()))
                .sorted(Comparator.comparing(Message::sentAt).reversed()).toList(), null);
    }
    @Override public synchronized long unread(String t, String m) {
        return messages(t, m, 0, null).items().stream().filter(x -> x.readAt() == null).count();
    }
    @Override public synchronized Optional<Message> message(String t, String m, String id) {
        return messages(t, m, 0, null).items().stream().filter(x -> x.messageId().equals(id)).findFirst();
    }
    @Override public synchronized void markRead(String t, String m, String id, Instant at) {
        for (int i = 0; i < messages.size(); i++) {
            Message x = messages.get(i);
            if (x.messageId().equals(id) && x.readAt() == null) messages.set(i, new Message(x.tenantId(), x.memberId(), x.messageId(),
                    x.campaignId(), x.channel(), x.title(), x.body(), x.couponCode(), x.unsubscribeToken(), x.sentAt(), at));
        }
    }
    @Override public synchronized Page<Message> outbox(String t, String channel, int limit, String cursor) {
        return new Page<>(messages.stream().filter(x -> x.tenantId().equals(t) && channel.equals(x.channel())).toList(), null);
    }
    public final Map<String, Instant> marks = new HashMap<>();
    @Override public synchronized List<com.zhidian.campaigns.domain.Outcome> outcomes(String t, String c) {
        return deliveries(t, c, 0, null).items().stream().map(d -> new com.zhidian.campaigns.domain.Outcome(d.memberId(), d.status(),
                d.reason(), d.at(), d.couponCode() == null || d.couponCode().isEmpty() ? null : d.couponCode(),
                marks.get(k(t, c, d.memberId(), com.zhidian.campaigns.domain.Outcome.READ)),
                marks.get(k(t, c, d.memberId(), com.zhidian.campaigns.domain.Outcome.UNSUBSCRIBED)))).toList();
    }
    @Override public synchronized void mark(String t, String c, String m, String mark, Instant at) {
        if (deliveries.containsKey(k(t, c, m))) marks.putIfAbsent(k(t, c, m, mark), at);
    }

    public final Map<String, String> dispatched = new LinkedHashMap<>();

    @Override
    public synchronized boolean dispatched(String tenantId, String channel, String messageId) {
        return dispatched.containsKey(messageId);
    }

    @Override
    public synchronized void markDispatched(String tenantId, String channel, String messageId, String via, String providerId, Instant at) {
        dispatched.putIfAbsent(messageId, via);
    }
}
