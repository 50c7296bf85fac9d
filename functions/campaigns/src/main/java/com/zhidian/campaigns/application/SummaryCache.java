package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.MemberSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The member summaries of the tenants this instance previews, kept in memory: the first read of a tenant is the whole
 * partition, every later one only the summaries written since the last (the store's change stamps), so an owner editing
 * a segment pays for the changes and an in-memory count, not for 100,000 items. A summary read again replaces the kept
 * one whole, so an erased member or a withdrawn grant is what the next preview counts. Writes go to the store untouched
 * (delivery reads consent again at its moment: a preview is a count).
 */
public final class SummaryCache implements MemberSummaries {
    /**
     * Each catch-up reads again this far back: a write whose stamp was taken this much before it landed (a slow writer,
     * a writer's clock behind, the index showing it late) is still caught; read twice, it replaces itself.
     */
    public static final long OVERLAP_MS = 5_000;
    /** After this long the tenant is read whole again, which bounds what a change the index never showed could leave wrong. */
    static final long RELOAD_MS = 15 * 60_000;
    /** Caches kept at once (a tenant with and without the purchase history are two; 28 MB for 100,000 members in the bench); the least recently previewed goes first. */
    static final int TENANTS = 8;

    private final MemberSummaries store;
    private final LongSupplier wallClock;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > TENANTS;
        }
    };

    public SummaryCache(MemberSummaries store) {
        this(store, System::currentTimeMillis);
    }

    /** {@code wallClock}: the time the catch-ups read from (a test moves it with its writers' stamps). */
    public SummaryCache(MemberSummaries store, LongSupplier wallClock) {
        this.store = store;
        this.wallClock = wallClock;
    }

    /** One tenant's summaries by member (with or without the purchase history), and where the next catch-up reads from. */
    private static final class Kept {
        Map<String, MemberSummary> byMember = new HashMap<>();
        long loadedAt = -1;
        long readFrom;
    }

    @Override
    public void forEach(String tenantId, Consumer<MemberSummary> each) {
        forEach(tenantId, true, each);
    }

    /** Catches the tenant's summaries up under its lock, then calls {@code each} on a copy (a send's slow calls hold no lock). */
    @Override
    public void forEach(String tenantId, boolean purchaseHistory, Consumer<MemberSummary> each) {
        Kept k;
        synchronized (kept) {
            k = kept.computeIfAbsent(tenantId + (purchaseHistory ? "#history" : ""), x -> new Kept());
        }
        List<MemberSummary> now;
        synchronized (k) {
            long started = wallClock.getAsLong();
            if (k.loadedAt < 0 || started - k.loadedAt > RELOAD_MS) {
                Map<String, MemberSummary> all = new HashMap<>();
                store.forEach(tenantId, purchaseHistory, x -> all.put(x.memberId(), x));
                k.byMember = all;
                k.loadedAt = started;
            } else {
                store.changedSince(tenantId, k.readFrom, purchaseHistory, x -> k.byMember.put(x.memberId(), x));
            }
            k.readFrom = started - OVERLAP_MS;
            now = new ArrayList<>(k.byMember.values());
        }
        now.forEach(each);
    }

    @Override
    public void changedSince(String tenantId, long sinceMillis, boolean purchaseHistory, Consumer<MemberSummary> each) {
        store.changedSince(tenantId, sinceMillis, purchaseHistory, each);
    }

    @Override
    public void member(String tenantId, String memberId, boolean active, String storeId, Instant createdAt, Integer birthdayMonth,
                       boolean hasPhone) {
        store.member(tenantId, memberId, active, storeId, createdAt, birthdayMonth, hasPhone);
    }

    @Override
    public void consent(String tenantId, String memberId, String purpose, boolean granted, Instant at) {
        store.consent(tenantId, memberId, purpose, granted, at);
    }

    @Override
    public void points(String tenantId, String memberId, long balance) {
        store.points(tenantId, memberId, balance);
    }

    @Override
    public void fill(String tenantId, AudienceMember m, boolean hasPhone) {
        store.fill(tenantId, m, hasPhone);
    }

    @Override
    public void bindWeChat(String tenantId, String memberId, String openId) {
        store.bindWeChat(tenantId, memberId, openId);
    }
}
