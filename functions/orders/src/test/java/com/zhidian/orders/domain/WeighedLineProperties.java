package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Lines of goods sold by weight: grams at a price per kg, each line rounded once, half up to the fen. */
class WeighedLineProperties {

    /** The rule as written in docs/decisions.md, computed another way (decimal yuan, HALF_UP). */
    private static long byHand(long pricePerKgFen, long grams) {
        return new BigDecimal(pricePerKgFen).multiply(new BigDecimal(grams)).divide(new BigDecimal(1000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    @Test
    void knownLines() {
        assertEquals(1581, new Order.Line("g", "苹果", 1235, 1280, 0, 0, 0, 0, true).amount());   // 1.235 kg × ¥12.80 = ¥15.808
        assertEquals(3960, new Order.Line("g", "牛奶", 2, 1980, 0, 0, 0, 0, false).amount());     // 2 × ¥19.80
        assertEquals(1, new Order.Line("g", "葱", 5, 100, 0, 0, 0, 0, true).amount());            // 0.5 fen → 1
    }

    @Property
    void totalsOfWeighedLines_areTheSumOfTheRoundedLinePrices(
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 99_999) Long> grams,
            @ForAll @Size(min = 20, max = 20) List<@LongRange(min = 0, max = 999_999) Long> pricesPerKg,
            @ForAll @Size(min = 0, max = 5) List<@IntRange(min = 1, max = 999) Integer> pieces,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        List<Order.Line> unpriced = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < grams.size(); i++) {
            unpriced.add(new Order.Line("w" + i, "x", grams.get(i), pricesPerKg.get(i), 0, 0, 0, 0, true));
            expected += byHand(pricesPerKg.get(i), grams.get(i));
        }
        for (int i = 0; i < pieces.size(); i++) {
            unpriced.add(new Order.Line("p" + i, "y", pieces.get(i), 350 + i, 0, 0, 0, 0));
            expected += (long) pieces.get(i) * (350 + i);
        }
        long subtotal = unpriced.stream().mapToLong(Order.Line::amount).sum();
        assertEquals(expected, subtotal);
        long discount = subtotal * permille / 1000;
        List<Order.Line> lines = OrderRules.price(unpriced, discount);
        assertEquals(subtotal - discount, lines.stream().mapToLong(Order.Line::lineTotal).sum());
        for (Order.Line l : lines) {
            assertEquals(byHand(l.unitPrice(), l.qty()) * (l.weighed() ? 1 : 0) + (l.weighed() ? 0 : l.qty() * l.unitPrice()), l.amount());
            assertEquals(l.amount() - l.discount(), l.lineTotal());
            assertTrue(l.weighed() == l.gtin().startsWith("w"), "a priced line keeps how it is sold");
        }
    }

    @Property
    void refundingAWeighedLineGramByGramStep_returnsExactlyItsTotal(@ForAll @IntRange(min = 1, max = 99_999) int grams,
                                                                    @ForAll @IntRange(min = 1, max = 999_999) int pricePerKg,
                                                                    @ForAll @IntRange(min = 0, max = 1000) int permille,
                                                                    @ForAll long seed) {
        Order.Line w = new Order.Line("w", "x", grams, pricePerKg, 0, 0, 0, 0, true);
        long subtotal = w.amount();
        List<Order.Line> lines = OrderRules.price(List.of(w), subtotal * permille / 1000);
        long total = lines.get(0).lineTotal();
        java.util.Random rnd = new java.util.Random(seed);
        long refunded = 0;
        for (int step = 0; lines.get(0).refundedQty() < grams; step++) {
            Order o = new Order("t", "o", "n", "s", Order.POS, Order.IN_STORE, Order.PAID, null, lines, subtotal, null, 0, 0, 0, total, total,
                    refunded, List.of(), List.of(), List.of(), null, null, Instant.EPOCH, Instant.EPOCH, 1);
            Order.Line l = lines.get(0);
            long left = l.qty() - l.refundedQty();
            long q = step >= 3 ? left : 1 + (long) (rnd.nextDouble() * left);
            Order.RefundLine r = OrderRules.refundLines(o, List.of(new OrderRules.Ask("w", Math.min(q, left)))).get(0);
            assertTrue(r.amount() >= 0);
            refunded += r.amount();
            lines = List.of(l.refunded(r.qty(), r.amount()));
            assertTrue(lines.get(0).weighed());
        }
        assertEquals(total, refunded);
    }
}
