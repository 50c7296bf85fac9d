package com.zhidian.apitests.reports;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Members enrolled, points moved, members' orders paid and coupons issued and redeemed through the API reach the member
 * report through the table's stream and the rollup (asynchronous: the test polls until the figures are there). The
 * points figures equal the members' own ledgers and the liability their balances; active and repeat members are
 * distinct; the CSV holds the JSON's rows; bad input is a problem with a stable code; staff and other tenants get none.
 */
class MemberReportApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final String STORE = T.storeIds().get(0), OTHER = T.storeIds().get(1);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static String key() { return UUID.randomUUID().toString(); }

    static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }

    static String member(String store) {
        return ok(T.owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "报表会员", "storeId", store)), 201)
                .get("memberId").asText();
    }

    static void paid(String store, String gtin, String memberId) {
        JsonNode o = ok(T.staff(store).post("/orders", map("storeId", store, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 1)), "memberId", memberId), key()), 201);
        ok(T.staff(store).post("/orders/" + o.get("orderId").asText() + "/payments",
                map("method", "cash", "tendered", o.get("total").asLong()), key()), 200);
    }

    /** Issued, redeemed, expired, other debits, balance, pending: summed over the members' ledgers and balances. */
    static long[] ledgers(List<String> members) {
        long[] x = new long[6];
        for (String m : members) {
            String cursor = null;
            do {
                JsonNode page = ok(T.owner().get("/members/" + m + "/points/ledger?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)), 200);
                for (JsonNode e : page.get("items")) {
                    long d = e.get("delta").asLong();
                    String kind = e.get("kind").asText();
                    if (d > 0) x[0] += d;
                    else if (kind.equals("redeem")) x[1] -= d;
                    else if (kind.equals("expire")) x[2] -= d;
                    else x[3] -= d;
                }
                cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
            JsonNode p = ok(T.owner().get("/members/" + m + "/points"), 200);
            x[4] += p.get("balance").asLong();
            x[5] += p.get("pending").asLong();
        }
        return x;
    }

    @Test
    void membersPointsOrdersAndCoupons_reachTheReport_andThePointsEqualTheLedgers() {
        String category = Catalog.category(T.owner(), "会员报表");
        String gtin = SalesReportApiTest.product(T, category, 2000);
        String a = member(STORE), b = member(STORE), c = member(OTHER);
        ok(T.owner().post("/members/" + a + "/points/adjust", map("delta", 500, "reason", "开业活动", "storeId", STORE), key()), 200);
        ok(T.owner().post("/members/" + b + "/points/adjust", map("delta", 300, "reason", "补录积分"), key()), 200);
        ok(T.staff(STORE).post("/members/" + a + "/points/redeem", map("points", 200, "storeId", STORE, "reason", "兑换"), key()), 200);
        ok(T.owner().post("/members/" + b + "/points/adjust", map("delta", -50, "reason", "更正"), key()), 200);
        paid(STORE, gtin, a);
        paid(STORE, gtin, a);
        paid(STORE, gtin, b);
        paid(OTHER, gtin, c);

        String template = ok(T.owner().post("/coupon-templates", map("name", "满20减5", "kind", "amount_off", "value", 500, "minSpend", 0,
                "validDays", 30, "totalStock", 10, "perMemberLimit", 2)), 201).get("templateId").asText();
        String phone = Fixtures.uniquePhone();
        String d = ok(T.owner().post("/members", map("phone", phone, "name", "领券会员", "storeId", STORE)), 201).get("memberId").asText();
        Api customer = T.owner().as(ok(Fixtures.anonymous().post("/local/auth/login",
                map("tenantId", T.tenantId(), "phone", phone, "otp", "000000")), 200).get("idToken").asText());
        String code = ok(customer.post("/me/coupons", map("templateId", template), key()), 201).get("code").asText();
        ok(customer.post("/me/coupons", map("templateId", template), key()), 201);
        ok(T.staff(STORE).post("/coupons/redeem", map("code", code, "storeId", STORE), key()), 200);

        List<String> members = List.of(a, b, c, d);
        long[] l = ledgers(members);
        String range = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);
        JsonNode all = SalesReportApiTest.await(T.owner(), "/reports/members?" + range + "&groupBy=day", r -> r.at("/totals/newMembers").asLong() == 4
                && r.at("/totals/memberOrders").asLong() == 4 && r.at("/totals/pointsIssued").asLong() == l[0]
                && r.at("/totals/pointsOtherDebits").asLong() == l[3] && r.at("/totals/pendingPoints").asLong() == l[5]
                && r.get("coupons").size() == 1 && r.at("/coupons/0/redeemed").asLong() == 1);
        assertEquals(3, all.get("rows").size(), "every day of the range, zeros included");
        JsonNode today = SalesReportApiTest.row(all, TODAY.toString());
        assertEquals(4, today.get("newMembers").asLong());
        assertEquals(3, today.get("activeMembers").asLong(), "a, b and c paid today; a twice");
        assertEquals(1, today.get("repeatMembers").asLong());
        assertEquals(0.3333, today.get("repeatRate").asDouble(), 1e-9);
        assertEquals(200, all.at("/totals/pointsRedeemed").asLong());
        assertEquals(l[1], all.at("/totals/pointsRedeemed").asLong(), "redeemed as in the ledgers");
        assertEquals(l[2], all.at("/totals/pointsExpired").asLong());
        assertEquals(l[4], all.at("/totals/liability").asLong(), "the liability is the members' balances");
        assertEquals(l[4], today.get("liability").asLong());
        assertEquals(l[0] - l[1] - l[2] - l[3], l[4], "the ledgers add up to the balances");
        assertTrue(all.at("/totals/activeMembers").isNull(), "distinct counts do not add up over three days");
        JsonNode coupon = all.at("/coupons/0");
        assertEquals(template, coupon.get("templateId").asText());
        assertEquals("满20减5", coupon.get("name").asText());
        assertEquals(2, coupon.get("issued").asLong());
        assertEquals(0.5, coupon.get("redemptionRate").asDouble(), 1e-9);

        JsonNode store = ok(T.owner().get("/reports/members?" + range + "&storeId=" + STORE + "&groupBy=day"), 200);
        JsonNode storeToday = SalesReportApiTest.row(store, TODAY.toString());
        assertEquals(3, storeToday.get("newMembers").asLong(), "a, b and d joined in this store");
        assertEquals(2, storeToday.get("activeMembers").asLong());
        assertEquals(1, storeToday.get("repeatMembers").asLong());
        assertEquals(3, storeToday.get("memberOrders").asLong());
        assertEquals(200, storeToday.get("pointsRedeemed").asLong());
        assertEquals(l[4], storeToday.get("liability").asLong(), "the liability is the tenant's");
        assertTrue(store.at("/coupons/0/issued").isNull());
        assertEquals(1, store.at("/coupons/0/redeemed").asLong());

        JsonNode month = ok(T.owner().get("/reports/members?from=" + TODAY + "&to=" + TODAY + "&groupBy=month"), 200);
        assertEquals(1, month.get("rows").size());
        assertEquals(TODAY.toString().substring(0, 7), month.at("/rows/0/key").asText());
        assertTrue(month.at("/rows/0/activeMembers").asLong() >= 3, "the whole calendar month");
        assertEquals(month.at("/rows/0/activeMembers").asLong(), month.at("/totals/activeMembers").asLong(), "one row: its distinct counts");
        JsonNode week = ok(T.owner().get("/reports/members?" + range + "&groupBy=week"), 200);
        long weekNew = 0;
        for (JsonNode r : week.get("rows")) weekNew += r.get("newMembers").asLong();
        assertEquals(4, weekNew);

        Api.Res csv = T.owner().with("Accept", "text/csv").get("/reports/members?" + range + "&groupBy=day");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"));
        String[] lines = csv.text().split("\r\n");
        assertEquals("\uFEFFkey,newMembers,activeMembers,repeatMembers,repeatRate,memberOrders,pointsIssued,pointsRedeemed,pointsExpired,"
                + "pointsOtherDebits,liability,pendingPoints", lines[0]);
        List<String> cols = List.of("key", "newMembers", "activeMembers", "repeatMembers", "repeatRate", "memberOrders", "pointsIssued",
                "pointsRedeemed", "pointsExpired", "pointsOtherDebits", "liability", "pendingPoints");
        for (int i = 0; i < all.get("rows").size(); i++) {
            JsonNode r = all.get("rows").get(i);
            List<String> cells = new ArrayList<>();
            for (String col : cols) cells.add(r.get(col).isNull() ? "" : r.get(col).asText());
            assertEquals(String.join(",", cells), lines[i + 1], "row " + i);
        }
        assertTrue(lines[4].startsWith("total,4,,,,4,"), lines[4]);
        assertTrue(csv.text().contains("\r\ntemplateId,name,issued,redeemed,redemptionRate\r\n" + template + ",满20减5,2,1,0.5\r\n"), csv.text());
    }

    @Test
    void badInput_isAProblemWithItsCode_andOnlyOwnersOfTheTenantSeeIt() {
        String range = "from=" + TODAY + "&to=" + TODAY;
        assertEquals("report.unknown_group_by", assertProblem(T.owner().get("/reports/members?" + range + "&groupBy=hour"), 400).get("code").asText());
        assertEquals("report.bad_date", assertProblem(T.owner().get("/reports/members?from=2026-13-01&to=" + TODAY), 400).get("code").asText());
        assertEquals("report.bad_range", assertProblem(T.owner().get("/reports/members?from=" + TODAY + "&to=" + TODAY.minusDays(1)), 400)
                .get("code").asText());
        assertEquals("report.range_too_long", assertProblem(T.owner().get("/reports/members?from=" + TODAY.minusDays(400) + "&to=" + TODAY), 400)
                .get("code").asText());
        assertProblem(T.staff(STORE).get("/reports/members?" + range), 403);
        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        assertEquals("report.store_not_found", assertProblem(T.owner().get("/reports/members?" + range + "&storeId=" + other.storeIds().get(0)), 404)
                .get("code").asText());
        JsonNode empty = ok(other.owner().get("/reports/members?" + range), 200);
        assertEquals(0, empty.at("/totals/newMembers").asLong(), "another tenant's members are not counted");
        assertEquals(0, empty.at("/totals/liability").asLong());
    }
}
