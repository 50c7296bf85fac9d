package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** First in, first out: what is on hand is the newest receipts' goods; older lots empty first. */
class ExpiryRulesProperties {

    static List<ExpiryLot> lots(List<Integer> quantities) {
        List<ExpiryLot> out = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            // received on day i; expiry dates deliberately not in receipt order
            String expires = String.format("2027-01-%02d", 1 + (i * 7) % 28);
            out.add(new ExpiryLot("st", "g", expires, quantities.get(i), null, String.format("2026-12-%02dT00:00:00.000Z", 1 + i),
                    expires + "#g#mv" + i, 0));
        }
        return out;
    }

    @Property
    void onShelfAddsUpToOnHand_noLotOverItsQuantity_andANewerLotEmptiesOnlyAfterEveryOlderOne(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 50) Integer> quantities, @ForAll @LongRange(min = -5, max = 700) long onHand) {
        List<ExpiryLot> result = ExpiryRules.onShelf(lots(quantities), onHand);
        long total = quantities.stream().mapToLong(Integer::longValue).sum();
        assertEquals(Math.min(Math.max(0, onHand), total), result.stream().mapToLong(ExpiryLot::onShelf).sum());
        result.sort(Comparator.comparing(ExpiryLot::receivedAt));
        boolean sawPartial = false;
        for (ExpiryLot l : result) {
            assertTrue(l.onShelf() >= 0 && l.onShelf() <= l.quantity());
            // once a lot still holds goods, every later-received lot is full
            if (sawPartial) assertEquals(l.quantity(), l.onShelf(), result::toString);
            if (l.onShelf() > 0) sawPartial = true;
        }
    }

    @Test
    void soldGoodsComeFromTheOldestLot_evenWhenItExpiresLater() {
        // received first: 10 expiring in March; received later: 10 expiring in February; 12 left after sales
        List<ExpiryLot> two = List.of(
                new ExpiryLot("st", "g", "2027-03-01", 10, "A", "2026-12-01T00:00:00.000Z", "2027-03-01#g#mv1", 0),
                new ExpiryLot("st", "g", "2027-02-01", 10, "B", "2026-12-05T00:00:00.000Z", "2027-02-01#g#mv2", 0));
        List<ExpiryLot> r = new ArrayList<>(ExpiryRules.onShelf(two, 12));
        r.sort(ExpiryRules.OLDEST_FIRST);
        assertEquals(10, r.get(0).onShelf(), "the later receipt is whole");
        assertEquals(2, r.get(1).onShelf(), "8 of the first receipt were sold");
    }
}
