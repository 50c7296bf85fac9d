package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public e-receipt link: GET /receipts/{orderId}?t=… opens with the token staff's order view carries, and nothing else. */
class ReceiptLinkTest {
    static final Shop S = new Shop();
    static final Shop OTHER = new Shop();

    private static Api.Res receipt(String orderId, String t) {
        String q = t == null ? "" : "?t=" + URLEncoder.encode(t, StandardCharsets.UTF_8);
        return Fixtures.anonymous().get("/receipts/" + orderId + q);
    }

    private static JsonNode paidCashOrder(Shop s) {
        String g = s.product(1250, 5);
        JsonNode o = s.place(s.posOrder(line(g, 2)));
        return s.payCash(o.get("orderId").asText(), 3000);
    }

    @Test
    void aCustomerOpensTheReceiptWithNoLogin_seeingWhatTheSlipShows_andNoMemberData() {
        JsonNode paid = paidCashOrder(S);
        String id = paid.get("orderId").asText();
        String t = S.order(id).get("receiptToken").asText();
        assertEquals(t, paid.get("receiptToken").asText(), "the till's answer to the payment carries the same token");

        JsonNode r = ok(receipt(id, t), 200);
        assertEquals(paid.get("number").asText(), r.get("number").asText());
        assertFalse(r.get("storeName").isNull(), "the store's name is on the receipt: " + r);
        assertEquals(2500, r.get("total").asLong());
        assertEquals(2, r.at("/lines/0/qty").asLong());
        assertEquals(1250, r.at("/lines/0/unitPrice").asLong());
        assertEquals("cash", r.at("/payments/0/method").asText());
        assertEquals(3000, r.at("/payments/0/tendered").asLong());
        assertEquals(500, r.at("/payments/0/change").asLong());
        for (String hidden : List.of("memberId", "address", "note", "receiptToken", "timeline", "couponCode")) {
            assertFalse(r.has(hidden), hidden + " is not on the public receipt: " + r);
        }
        assertFalse(r.at("/payments/0").has("providerRef"));
    }

    @Test
    void aMissingWrongOrBorrowedToken_is404_withTheSameAnswerAsAnUnknownOrder() {
        String id = paidCashOrder(S).get("orderId").asText();
        String t = S.order(id).get("receiptToken").asText();
        String otherId = paidCashOrder(S).get("orderId").asText();
        String otherOrdersToken = S.order(otherId).get("receiptToken").asText();
        JsonNode foreign = paidCashOrder(OTHER);
        String foreignToken = OTHER.order(foreign.get("orderId").asText()).get("receiptToken").asText();
        String tenant = t.substring(0, t.lastIndexOf('.'));
        String mac = t.substring(t.lastIndexOf('.') + 1);
        String foreignTenant = foreignToken.substring(0, foreignToken.lastIndexOf('.'));

        List<String> bad = List.of(
                "", "x", t + "x", t.substring(0, t.length() - 1) + (t.endsWith("A") ? "B" : "A"), tenant + ".", "." + mac,
                otherOrdersToken, foreignToken, foreignTenant + "." + mac, mac, "a".repeat(300));
        for (String b : bad) {
            JsonNode p = assertNotFound(receipt(id, b));
            assertEquals("order.not_found", p.get("code").asText(), "token " + b);
        }
        assertEquals("order.not_found", assertNotFound(receipt(id, null)).get("code").asText(), "no token");
        // a valid token of this tenant for an order that does not exist: the same answer
        assertEquals("order.not_found", assertNotFound(receipt("o_nosuchorder", tenant + "." + mac)).get("code").asText());
        // the foreign order's own token opens only the foreign order
        assertEquals(foreign.get("number").asText(), ok(receipt(foreign.get("orderId").asText(), foreignToken), 200).get("number").asText());
        assertNotEquals(foreignToken, t);
    }

    @Test
    void onlyStaffAnswersCarryTheToken() {
        Shop.Customer me = S.customer();
        String g = S.product(900, 3);
        JsonNode o = ok(me.api().post("/me/orders", Api.map("storeId", S.store, "fulfilment", "pickup", "lines", List.of(line(g, 1))),
                Shop.key()), 201);
        assertFalse(o.has("receiptToken"), "the customer's answer carries no token");
        String id = o.get("orderId").asText();
        assertFalse(ok(me.api().get("/me/orders/" + id), 200).has("receiptToken"));
        assertTrue(S.order(id).has("receiptToken"));
    }

    private static JsonNode assertNotFound(Api.Res r) {
        assertEquals(404, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        return r.json();
    }
}
