package com.zhidian.apitests.guide;

import static com.zhidian.apitests.guide.GuideFixture.enc;
import static com.zhidian.apitests.guide.GuideFixture.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public guide (no sign-in) as a customer's phone and the kiosk read it: where a product is (own placement, else
 * its category's, else the parent's), at the one price in force now, today's promotions and events; that only the
 * token signed for that very store opens it, and that it shows nothing but the store's public facts.
 */
class PublicGuideTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    /** A product with a tenant price and stock in S1 (cost 120 fen, 24 received). */
    private static String stocked(String categoryId, String name, long price) {
        String gtin = Catalog.product(T.owner(), categoryId, name);
        ok(T.owner().put("/prices/" + gtin, map("price", price)), 200);
        ok(T.owner().post("/stores/" + S1 + "/stock/" + gtin + "/receipts", map("quantity", 24, "cost", 120, "reference", "DN-7")), 201);
        return gtin;
    }

    @Test
    void whereIsIt_byNameAndByScan_resolvesOwnThenCategoryThenParent_atThePriceInForce() {
        GuideFixture.map3(T, S1);
        String drinks = Catalog.category(T.owner(), "饮料");
        String tea = ok(T.owner().post("/categories", map("name", "茶饮料", "parentId", drinks)), 201).get("categoryId").asText();
        String oolong = stocked(tea, "三得利乌龙茶", 450);
        String greenTea = stocked(tea, "康师傅绿茶", 300);
        String water = stocked(drinks, "农夫山泉矿泉水", 200);
        ok(T.owner().put("/stores/" + S1 + "/placements/" + oolong, map("zoneId", "fresh", "shelf", "F1-3")), 200);
        ok(T.owner().put("/stores/" + S1 + "/category-placements/" + drinks, map("zoneId", "drinks", "shelf", "B2")), 200);
        Instant now = Instant.now();
        ok(T.owner().put("/stores/" + S1 + "/prices/" + greenTea, map("price", 300, "promoPrice", 250, "promoFrom", now.minusSeconds(3600).toString(),
                "promoTo", now.plus(2, ChronoUnit.DAYS).toString())), 200);
        String token = GuideFixture.token(T, S1);

        JsonNode own = ok(GuideFixture.search(S1, token, "q=" + enc("乌龙")), 200);
        assertEquals(1, own.get("items").size());
        JsonNode o = own.at("/items/0");
        assertEquals("三得利乌龙茶", o.get("name").asText());
        assertEquals(450, o.get("price").asLong());
        assertEquals("fresh", o.at("/zone/id").asText());
        assertEquals("生鲜区", o.at("/zone/name").asText());
        assertEquals("F1-3", o.get("shelf").asText());
        assertTrue(o.get("inStock").asBoolean());

        // 绿茶 has no placement, nor has 茶饮料: its parent 饮料's placement answers, at the promotion's price
        JsonNode byParent = ok(GuideFixture.search(S1, token, "gtin=" + greenTea.substring(1)), 200).at("/items/0");
        assertEquals("drinks", byParent.at("/zone/id").asText());
        assertEquals("B2", byParent.get("shelf").asText());
        assertEquals(250, byParent.get("price").asLong());
        assertEquals(300, byParent.get("regularPrice").asLong());
        assertTrue(byParent.get("promo").asBoolean());
        assertEquals(50, byParent.get("saving").asLong());
        // the same as the catalog's one price function answers the POS
        assertEquals(T.owner().get("/stores/" + S1 + "/prices/" + greenTea).json().get("price").asLong(), byParent.get("price").asLong());

        // a sub-category's own placement wins over its parent's; a scan typed into the search box reads as a GTIN
        ok(T.owner().put("/stores/" + S1 + "/category-placements/" + tea, map("zoneId", "entrance")), 200);
        assertEquals("entrance", ok(GuideFixture.search(S1, token, "q=" + greenTea.substring(1)), 200).at("/items/0/zone/id").asText());
        assertEquals("drinks", ok(GuideFixture.search(S1, token, "q=" + enc("矿泉")), 200).at("/items/0/zone/id").asText());
        assertEquals(water.substring(1), ok(GuideFixture.search(S1, token, "q=" + enc("矿泉")), 200).at("/items/0/gtin").asText());

        // a zone erased from the map: the product's own placement counts as none, its category's answers
        JsonNode m = ok(T.owner().get("/stores/" + S1 + "/map"), 200);
        ok(T.owner().put("/stores/" + S1 + "/map", map("width", 12, "height", 8, "version", m.get("version").asLong(), "zones",
                List.of(GuideFixture.zone("entrance", "入口", "entrance", 0, 0, 2, 1), GuideFixture.zone("drinks", "饮料区", "aisle", 2, 0, 3, 4)))), 200);
        assertEquals("entrance", ok(GuideFixture.search(S1, token, "q=" + enc("乌龙")), 200).at("/items/0/zone/id").asText());
        JsonNode listed = ok(T.owner().get("/stores/" + S1 + "/placements"), 200);
        assertTrue(listed.at("/items/0/zoneName").isNull(), "the list shows the placement's zone is gone");

        // nothing matching, nothing sold here
        assertEquals(0, ok(GuideFixture.search(S1, token, "q=" + enc("不存在的商品")), 200).get("items").size());
        problem(GuideFixture.search(S1, token, "gtin=" + Catalog.newGtin13()), 404, "guide.product_not_found");
        String unpriced = Catalog.product(T.owner(), drinks, "未定价商品");
        problem(GuideFixture.search(S1, token, "gtin=" + unpriced), 404, "guide.product_not_found");
        assertEquals(0, ok(GuideFixture.search(S1, token, "q=" + enc("未定价")), 200).get("items").size());
    }

    @Test
    void pinyinOrInitials_findThePlacedProduct_withWhereItIs() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String s = t.storeIds().get(0);
        GuideFixture.map3(t, s);
        String drinks = Catalog.category(t.owner(), "饮料");
        String cola = Catalog.product(t.owner(), drinks, "可口可乐 330ml");
        String kele = Catalog.product(t.owner(), drinks, "百事可乐");
        String tea = Catalog.product(t.owner(), drinks, "康师傅绿茶");
        String unplaced = Catalog.product(t.owner(), drinks, "可乐味汽水");
        for (String g : List.of(cola, kele, tea, unplaced)) ok(t.owner().put("/prices/" + g, map("price", 300)), 200);
        ok(t.owner().put("/stores/" + s + "/placements/" + cola, map("zoneId", "drinks", "shelf", "B2-1")), 200);
        ok(t.owner().put("/stores/" + s + "/placements/" + kele, map("zoneId", "drinks", "shelf", "B2-4")), 200);
        ok(t.owner().put("/stores/" + s + "/placements/" + tea, map("zoneId", "fresh")), 200);
        String token = GuideFixture.token(t, s);

        // the whole reading, its initials, spaces and capitals: the same products, with their shelves
        for (String q : List.of("kele", "kl", "KE LE", "ke'le")) {
            JsonNode r = ok(GuideFixture.search(s, token, "q=" + enc(q)), 200);
            assertEquals(Set.of("百事可乐", "可口可乐 330ml"), Set.copyOf(names(r)), q);
            assertEquals("drinks", r.at("/items/0/zone/id").asText(), q);
        }
        // an exact reading ranks first: 百事可乐 is read "baishikele", initials "bskl"
        assertEquals("百事可乐", ok(GuideFixture.search(s, token, "q=bskl"), 200).at("/items/0/name").asText());
        JsonNode kkkl = ok(GuideFixture.search(s, token, "q=kkkl"), 200);
        assertEquals(List.of("可口可乐 330ml"), names(kkkl));
        assertEquals("B2-1", kkkl.at("/items/0/shelf").asText());
        assertEquals(List.of("康师傅绿茶"), names(ok(GuideFixture.search(s, token, "q=lvcha"), 200)));
        // latin text still matches names as before (330ml is in the name), and nothing reads "xyz"
        assertEquals(List.of("可口可乐 330ml"), names(ok(GuideFixture.search(s, token, "q=330ml"), 200)));
        assertEquals(0, ok(GuideFixture.search(s, token, "q=xyz"), 200).get("items").size());
        // 可乐味汽水 was never placed, so pinyin has nothing to say where it is; its name still finds it
        assertFalse(names(ok(GuideFixture.search(s, token, "q=kl"), 200)).contains("可乐味汽水"));
        // a product renamed and placed again is spelled anew on save
        ok(t.owner().put("/stores/" + s + "/placements/" + unplaced, map("zoneId", "entrance")), 200);
        assertTrue(names(ok(GuideFixture.search(s, token, "q=klwqs"), 200)).contains("可乐味汽水"));
        // another store's token never reads these
        problem(GuideFixture.search(s, GuideFixture.token(OTHER, OTHER.storeIds().get(0)), "q=kl"), 404, "guide.not_found");
    }

    @Test
    void theHome_showsTheMapTodaysPromotionsAndEvents_andNothingPrivate() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 2);
        String s = t.storeIds().get(0);
        GuideFixture.map3(t, s);
        String cat = Catalog.category(t.owner(), "乳品");
        String milk = Catalog.product(t.owner(), cat, "光明鲜牛奶");
        String yogurt = Catalog.product(t.owner(), cat, "安慕希酸奶");
        String plain = Catalog.product(t.owner(), cat, "普通面包");
        Instant now = Instant.now();
        for (String g : List.of(milk, yogurt, plain)) ok(t.owner().put("/prices/" + g, map("price", 1000)), 200);
        ok(t.owner().put("/stores/" + s + "/prices/" + milk, map("price", 1000, "promoPrice", 800, "promoFrom", now.minusSeconds(600).toString(),
                "promoTo", now.plus(1, ChronoUnit.DAYS).toString())), 200);
        ok(t.owner().put("/stores/" + s + "/prices/" + yogurt, map("price", 1000, "promoPrice", 500, "promoFrom", now.minusSeconds(600).toString(),
                "promoTo", now.plus(1, ChronoUnit.DAYS).toString())), 200);
        // another store's promotion and a promotion that starts tomorrow are not today's here
        ok(t.owner().put("/stores/" + t.storeIds().get(1) + "/prices/" + plain, map("price", 1000, "promoPrice", 100,
                "promoFrom", now.minusSeconds(600).toString(), "promoTo", now.plus(1, ChronoUnit.DAYS).toString())), 200);
        ok(t.owner().put("/stores/" + s + "/placements/" + milk, map("zoneId", "fresh")), 200);
        ok(t.owner().post("/stores/" + s + "/stock/" + milk + "/receipts", map("quantity", 7, "cost", 654, "reference", "DN-COST")), 201);
        GuideFixture.event(t, s, "鲜奶试饮");
        ok(t.owner().post("/stores/" + s + "/guide-events", map("title", "下月会员日", "startsAt", now.plus(30, ChronoUnit.DAYS).toString(),
                "endsAt", now.plus(31, ChronoUnit.DAYS).toString())), 201);
        ok(t.owner().post("/stores/" + s + "/guide-events", map("title", "昨天的活动", "startsAt", now.minus(3, ChronoUnit.DAYS).toString(),
                "endsAt", now.minus(2, ChronoUnit.DAYS).toString())), 201);
        GuideFixture.event(t, t.storeIds().get(1), "另一家店的活动");

        Api.Res r = GuideFixture.home(s, GuideFixture.token(t, s));
        JsonNode h = ok(r, 200);
        assertEquals(Set.of("storeName", "timeZone", "today", "map", "promotions", "events"), fields(h));
        assertEquals(3, h.at("/map/zones").size());
        List<String> promoted = new java.util.ArrayList<>();
        h.get("promotions").forEach(p -> promoted.add(p.get("name").asText()));
        assertEquals(List.of("安慕希酸奶", "光明鲜牛奶"), promoted, "biggest saving first, only this store's");
        assertEquals(500, h.at("/promotions/0/saving").asLong());
        assertEquals("fresh", h.at("/promotions/1/zone/id").asText());
        assertTrue(h.at("/promotions/1/inStock").asBoolean());
        assertFalse(h.at("/promotions/0/inStock").asBoolean(), "no stock received");
        assertEquals(List.of("鲜奶试饮"), h.get("events").findValuesAsText("title"));
        assertEquals(Set.of("gtin", "name", "brand", "spec", "price", "regularPrice", "promo", "promoTo", "saving", "inStock", "zone", "shelf"),
                fields(h.at("/promotions/0")));
        for (String hidden : List.of(t.tenantId(), t.storeIds().get(1), ":654", "cost", "onHand", "onhand", "另一家店", "下月会员日", "昨天的活动", "普通面包")) {
            assertFalse(r.text().contains(hidden), hidden + " is not on the public guide: " + r.text());
        }
    }

    @Test
    void aMissingWrongOrBorrowedToken_is404_asForAnUnknownStore() {
        String t = GuideFixture.token(T, S1);
        String mac = t.substring(t.lastIndexOf('.') + 1);
        List<String> bad = List.of("", "x", t + "x", T.tenantId() + ".", "." + mac, GuideFixture.token(T, S2), GuideFixture.token(OTHER, OTHER.storeIds().get(0)),
                OTHER.tenantId() + "." + mac, "a".repeat(300));
        for (String b : bad) {
            problem(GuideFixture.home(S1, b), 404, "guide.not_found");
            problem(GuideFixture.search(S1, b, "q=" + enc("茶")), 404, "guide.not_found");
        }
        problem(Fixtures.anonymous().get("/guide/" + S1), 404, "guide.not_found");
        // a store's token opens only that store; the other tenant's store with its own token is its own guide
        problem(GuideFixture.home(OTHER.storeIds().get(0), t), 404, "guide.not_found");
        ok(GuideFixture.home(S1, t), 200);
    }

    @Test
    void badSearchInputIs400NamingTheField() {
        String t = GuideFixture.token(T, S1);
        assertFieldErrors(GuideFixture.search(S1, t, ""), "q");
        assertFieldErrors(GuideFixture.search(S1, t, "q=" + enc("   ")), "q");
        assertFieldErrors(GuideFixture.search(S1, t, "q=" + enc("长".repeat(41))), "q");
        assertFieldErrors(GuideFixture.search(S1, t, "q=" + enc("a\u0007b")), "q");
        assertFieldErrors(GuideFixture.search(S1, t, "gtin=6901234567890"), "gtin");
        assertFieldErrors(GuideFixture.search(S1, t, "gtin=abc"), "gtin");
        assertFieldErrors(GuideFixture.search(S1, t, "gtin=6901234567892&q=x"), "q");
        // the same wording in Chinese for a Chinese reader
        Api.Res zh = Fixtures.anonymous().with("Accept-Language", "zh-CN").get("/guide/" + S1 + "/search?t=" + enc(t));
        assertTrue(zh.text().contains("请输入"), zh::toString);
    }

    @Test
    void aSuspendedTenantsGuideIsNotFound() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String s = t.storeIds().get(0);
        String token = GuideFixture.token(t, s);
        ok(GuideFixture.home(s, token), 200);
        ok(Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "suspended")), 200);
        problem(GuideFixture.home(s, token), 404, "guide.not_found");
    }

    /** The found products' names, in order (not the zones' names nested in them). */
    private static List<String> names(JsonNode results) {
        List<String> out = new java.util.ArrayList<>();
        results.get("items").forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    private static void problem(Api.Res r, int status, String code) {
        JsonNode p = assertProblem(r, status);
        if (code != null) assertEquals(code, p.path("code").asText(), r::toString);
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> out = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
