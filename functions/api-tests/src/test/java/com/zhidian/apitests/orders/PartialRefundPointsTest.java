package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.members.application.PointsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a partial refund reverses the points the order earned on the refunded share (docs/decisions.md, "Orders:
 * points on a partial refund"): pending points shrink; released ones come off the balance, never below zero.
 */
class PartialRefundPointsTest {
    static final Shop S = new Shop();

    /** A member's cash order of 3 × 20.00 + 1 × 40.00 = 100.00: it earns 100 points, pending. */
    private static String[] paidOrder() {
        String a = S.product(2000, 10);
        String b = S.product(4000, 10);
        String m = S.member();
        JsonNode o = S.place(map("storeId", S.store, "channel", "pos", "fulfilment", "in_store", "memberId", m,
                "lines", List.of(line(a, 3), line(b, 1))));
        String id = o.get("orderId").asText();
        assertEquals(10_000, o.get("total").asLong());
        S.payCash(id, 10_000);
        assertEquals(100, S.points(m).get("pending").asLong());
        return new String[] {id, m, a, b};
    }

    private static JsonNode refund(String orderId, Object... lines) {
        return ok(S.cashier().post("/orders/" + orderId + "/refunds", lines.length == 0 ? map("reason", "退货")
                : map("lines", List.of(lines), "reason", "退货"), key()), 200);
    }

    @Test
    void twoPartialRefundsThenTheRest_reverseThePendingPointsExactly() {
        String[] x = paidOrder();
        String id = x[0], m = x[1], a = x[2];

        // one of the 20.00 units back: 2,000 of 10,000 → 20 of the 100 pending points
        JsonNode r1 = refund(id, line(a, 1));
        assertEquals(20, r1.at("/refunds/0/pointsReversed").asLong());
        assertEquals(80, S.points(m).get("pending").asLong());
        assertEquals(0, S.points(m).get("balance").asLong());

        // a second unit: 4,000 refunded in all → 40 in all, 20 more
        JsonNode r2 = refund(id, line(a, 1));
        assertEquals(20, r2.at("/refunds/1/pointsReversed").asLong());
        assertEquals(60, S.points(m).get("pending").asLong());

        // the rest (no lines: everything left): all 100 reversed, the earning cancelled
        JsonNode r3 = refund(id);
        assertEquals(10_000, r3.get("refunded").asLong());
        assertEquals(60, r3.at("/refunds/2/pointsReversed").asLong());
        JsonNode p = S.points(m);
        assertEquals(0, p.get("pending").asLong());
        assertEquals(0, p.get("balance").asLong());

        // the ledger: one earning, three reductions of the pending points adding up to it
        List<Long> cancelled = new ArrayList<>();
        for (JsonNode e : ok(S.owner().get("/members/" + m + "/points/ledger?limit=50"), 200).get("items")) {
            if ("earn_cancelled".equals(e.get("kind").asText())) cancelled.add(e.get("pendingDelta").asLong());
        }
        assertEquals(List.of(-60L, -20L, -20L), cancelled);
    }

    @Test
    void afterTheWindow_theRefundedShareComesOffTheBalance_neverBelowZero() {
        String[] x = paidOrder();
        String id = x[0], m = x[1], a = x[2], b = x[3];
        String tenant = S.t.tenantId();

        // the return window passes for this order's points (the job's release, with a clock 8 days on)
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(8)), ZoneOffset.UTC);
        PointsService points = com.zhidian.members.application.Members.points(AwsClients.dynamo(),
                new DynamoTenantDirectory(AwsClients.dynamo()), later);
        assertTrue(points.releaseIfDue(tenant, m, id));
        assertEquals(100, S.points(m).get("balance").asLong());

        // one 20.00 unit back: 20 points come off the balance
        JsonNode r1 = refund(id, line(a, 1));
        assertEquals(20, r1.at("/refunds/0/pointsReversed").asLong());
        assertEquals(80, S.points(m).get("balance").asLong());

        // the member spends 70 of them; then the 40.00 line comes back: 40 due, 10 left: 10 taken, the rest written off
        ok(S.cashier().post("/members/" + m + "/points/redeem", map("points", 70, "storeId", S.store, "reason", "兑换"), key()), 200);
        String k = key();
        JsonNode r2 = ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(b, 1)), "reason", "退货"), k), 200);
        assertEquals(40, r2.at("/refunds/1/pointsReversed").asLong());
        assertEquals(0, S.points(m).get("balance").asLong());
        JsonNode last = ok(S.owner().get("/members/" + m + "/points/ledger?limit=1"), 200).at("/items/0");
        assertEquals("earn_reversed", last.get("kind").asText());
        assertEquals(-10, last.get("delta").asLong());

        // the same refund asked again (same Idempotency-Key) changes nothing; a new points credit is not taken for it either
        ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(b, 1)), "reason", "退货"), k), 200);
        S.givePoints(m, 50);
        JsonNode r3 = refund(id, line(a, 1));
        assertEquals(20, r3.at("/refunds/2/pointsReversed").asLong(), "80 of 100 refunded in all: 80 reversed in all, 20 more");
        assertEquals(30, S.points(m).get("balance").asLong(), "the 30 written off before is not asked again");
    }
}
