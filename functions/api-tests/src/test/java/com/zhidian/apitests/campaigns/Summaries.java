package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one way tests wait for the campaigns' member summaries, which follow the table's stream (asynchronous, as in
 * AWS). {@link #caughtUp} is a barrier: a probe member of the tenant (no grant) has its points moved to a balance no
 * other member has, and the barrier waits until a preview counts a member with exactly that balance. Zhidian Local's
 * stream is one shard, handed to the feed in order, so every change written before the probe's is in the summaries by
 * then (or was lost: then the counts asserted after it say so, exactly, instead of a wait running out).
 *
 * <p>Session 13's wait read its baseline at once and waited for baseline + change: a withdrawal of the previous test
 * still on its way made that target unreachable ("the grant never showed"). Every wait here starts from a barrier.
 */
public final class Summaries {
    private Summaries() {}

    /** matching and withPushGrant of a preview of everyone. */
    public record Counts(int matching, int withPushGrant) {}

    private static final class Probe {
        final String memberId;
        long balance;

        Probe(String memberId, long balance) {
            this.memberId = memberId;
            this.balance = balance;
        }
    }

    /** Far above the welcome points and adjustments tests give, so no other member of the tenant has the probe's balance. */
    private static final long PROBE_OFFSET = 9_000;
    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    public static Counts everyone(Api owner) {
        Api.Res r = owner.post("/segments/preview", map("match", "all", "rules", List.of()));
        if (r.status() != 200) throw new AssertionError("preview: " + r);
        JsonNode j = r.json();
        return new Counts(j.get("matching").asInt(), j.get("withPushGrant").asInt());
    }

    /** Returns once the summaries show everything written to the tenant before this call (bounded: only a stuck stream reaches it). */
    public static void caughtUp(Fixtures.TenantFixture t) {
        Probe p = PROBES.computeIfAbsent(t.tenantId(), id -> newProbe(t));
        synchronized (p) {
            Api.Res r = t.owner().post("/members/" + p.memberId + "/points/adjust", map("delta", 1, "reason", "summaries barrier"),
                    UUID.randomUUID().toString());
            if (r.status() != 200) throw new AssertionError("barrier points: " + r);
            p.balance = r.json().path("balanceAfter").asLong(p.balance + 1);
            Object rule = map("kind", "points_balance", "min", p.balance, "max", p.balance);
            for (int i = 0; i < 300; i++) {
                Api.Res c = t.owner().post("/segments/preview", map("match", "all", "rules", List.of(rule)));
                if (c.status() != 200) throw new AssertionError("barrier preview: " + c);
                if (c.json().get("matching").asInt() >= 1) return;
                sleep();
            }
            throw new AssertionError("the member summaries never caught up with the stream (probe balance " + p.balance + ")");
        }
    }

    /**
     * Runs {@code change} between two barriers and checks that the everyone-counts moved by exactly {@code matching}
     * and {@code withPushGrant}.
     */
    public static <T> T after(Fixtures.TenantFixture t, int matching, int withPushGrant, Supplier<T> change) {
        caughtUp(t);
        Counts before = everyone(t.owner());
        T out = change.get();
        caughtUp(t);
        Counts now = everyone(t.owner());
        Counts want = new Counts(before.matching() + matching, before.withPushGrant() + withPushGrant);
        if (!now.equals(want)) throw new AssertionError("the member summaries show " + now + " after the change, expected " + want);
        return out;
    }

    /** A member of the tenant's first store without any grant, moved far from every other balance. */
    private static Probe newProbe(Fixtures.TenantFixture t) {
        Api.Res m = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "汇总探针", "storeId", t.storeIds().get(0)),
                UUID.randomUUID().toString());
        if (m.status() != 201) throw new AssertionError("probe member: " + m);
        String id = m.json().get("memberId").asText();
        Api.Res r = t.owner().post("/members/" + id + "/points/adjust", map("delta", PROBE_OFFSET, "reason", "summaries probe"),
                UUID.randomUUID().toString());
        if (r.status() != 200) throw new AssertionError("probe points: " + r);
        return new Probe(id, r.json().path("balanceAfter").asLong(PROBE_OFFSET));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the member summaries", e);
        }
    }
}
