package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import java.util.List;
import java.util.function.Supplier;

/**
 * The member summaries that previews and sends count are kept from the table's stream (asynchronous, as in AWS):
 * a test that has just joined members or changed a consent waits until everyone-counts show it, within a bound that
 * only a stuck stream reaches (the wait is not what is tested, the counts are).
 */
public final class Summaries {
    private Summaries() {}

    /** matching and withPushGrant of a preview of everyone. */
    public record Counts(int matching, int withPushGrant) {}

    public static Counts everyone(Api owner) {
        Api.Res r = owner.post("/segments/preview", map("match", "all", "rules", List.of()));
        if (r.status() != 200) throw new AssertionError("preview: " + r);
        JsonNode j = r.json();
        return new Counts(j.get("matching").asInt(), j.get("withPushGrant").asInt());
    }

    /** Runs {@code change}, then waits until the everyone-counts moved by {@code matching} and {@code withPushGrant}. */
    public static <T> T after(Api owner, int matching, int withPushGrant, Supplier<T> change) {
        Counts before = everyone(owner);
        T out = change.get();
        Counts want = new Counts(before.matching() + matching, before.withPushGrant() + withPushGrant);
        Counts now = everyone(owner);
        for (int i = 0; i < 300 && !now.equals(want); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = everyone(owner);
        }
        if (!now.equals(want)) throw new AssertionError("the member summaries never showed the change: " + now + ", expected " + want);
        return out;
    }
}
