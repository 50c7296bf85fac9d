package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

/** A store's code starts its order numbers (NJD-20261203-0042): the owner chooses it, unique in the tenant. */
class StoreCodeOrderNumbersTest {

    @Test
    void theOwnersCodeStartsTheStoresOrderNumbers_andTheDaysCountCarriesOn() {
        Shop s = new Shop();
        String g = s.product(100, 10);
        String before = s.place(s.posOrder(line(g, 1))).get("number").asText();
        String defaultCode = before.split("-")[0];
        assertEquals(defaultCode, ok(s.owner().get("/stores/" + s.store), 200).get("orderPrefix").asText(), "the default is shown");

        JsonNode changed = ok(s.owner().patch("/stores/" + s.store, map("orderPrefix", "njd")), 200);
        assertEquals("NJD", changed.get("orderPrefix").asText(), "kept upper case");
        String after = s.place(s.posOrder(line(g, 1))).get("number").asText();
        assertTrue(after.startsWith("NJD-"), after);
        assertEquals(Integer.parseInt(before.split("-")[2]) + 1, Integer.parseInt(after.split("-")[2]), "no gap, no restart");

        // back to the default: the code is free again for the other store
        assertEquals(defaultCode, ok(s.owner().patch("/stores/" + s.store, map("orderPrefix", defaultCode)), 200).get("orderPrefix").asText());
        assertEquals("NJD", ok(s.owner().patch("/stores/" + s.otherStore, map("orderPrefix", "NJD")), 200).get("orderPrefix").asText());
    }

    @Test
    void aCodeIsOneStoresInTheTenant_badCodesAreRefused_andNothingIsHalfWritten() {
        Shop s = new Shop();
        ok(s.owner().patch("/stores/" + s.store, map("orderPrefix", "XJH")), 200);
        Api.Res taken = s.owner().patch("/stores/" + s.otherStore, map("orderPrefix", "xjh", "name", "二号店（新）"));
        assertProblem(taken, 409);
        assertEquals("store.code_taken", taken.json().get("code").asText());
        JsonNode other = ok(s.owner().get("/stores/" + s.otherStore), 200);
        assertTrue(!other.get("name").asText().equals("二号店（新）"), "a refused change changes nothing");
        // another store's default code is taken too
        String otherDefault = other.get("orderPrefix").asText();
        assertProblem(s.owner().patch("/stores/" + s.store, map("orderPrefix", otherDefault)), 409);
        // a new store with a taken code is not made
        int stores = ok(s.owner().get("/stores?limit=200"), 200).get("items").size();
        assertProblem(s.owner().post("/stores", map("name", "三号店", "format", "convenience", "address", "上海", "orderPrefix", "XJH")), 409);
        assertEquals(stores, ok(s.owner().get("/stores?limit=200"), 200).get("items").size());
        JsonNode third = ok(s.owner().post("/stores", map("name", "三号店", "format", "convenience", "address", "上海", "orderPrefix", "SH3")), 201);
        assertEquals("SH3", third.get("orderPrefix").asText());

        for (String bad : new String[] {"A", "TOOLONG7", "南京", "N-J", " "}) {
            assertFieldErrors(s.owner().patch("/stores/" + s.store, map("orderPrefix", bad)), "orderPrefix");
        }
        assertFieldErrors(s.owner().post("/stores", map("name", "四号店", "format", "convenience", "address", "上海", "orderPrefix", "x")), "orderPrefix");
        assertEquals("XJH", ok(s.owner().get("/stores/" + s.store), 200).get("orderPrefix").asText());

        // codes are per tenant: another tenant may use the same one
        Fixtures.TenantFixture other2 = Fixtures.newTenant("basic", 1);
        assertEquals("XJH", ok(other2.owner().patch("/stores/" + other2.storeIds().get(0), map("orderPrefix", "XJH")), 200).get("orderPrefix").asText());
        // staff cannot change it
        assertProblem(s.cashier().patch("/stores/" + s.store, map("orderPrefix", "ABC")), 403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProviderMaySetThePrefixesAtOnboarding_oneEach() {
        String name = "前缀测试 " + java.util.UUID.randomUUID().toString().substring(0, 6);
        var body = (java.util.Map<String, Object>) Fixtures.onboardingBody(name, "basic", Fixtures.uniqueEmail("owner"), 3);
        var stores = (java.util.List<java.util.Map<String, Object>>) body.get("stores");
        stores.get(0).put("orderPrefix", "njd");
        stores.get(2).put("orderPrefix", "NJD");
        assertFieldErrors(Fixtures.provider().post("/admin/tenants", body), "stores[2].orderPrefix");
        assertEquals(0, ok(Fixtures.provider().get("/admin/tenants?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)), 200)
                .get("items").size(), "a refused onboarding makes no tenant");
        stores.get(2).put("orderPrefix", "XJH");
        JsonNode made = ok(Fixtures.provider().post("/admin/tenants", body), 201);
        assertEquals("NJD", made.at("/stores/0/orderPrefix").asText());
        assertEquals("XJH", made.at("/stores/2/orderPrefix").asText());
        assertTrue(made.at("/stores/1/orderPrefix").asText().matches("[A-Z0-9]{6}"), "the second keeps its default");
        // the onboarding claimed them: the owner cannot give NJD to the second store
        String owner = Fixtures.firstLogin(((java.util.Map<String, String>) body.get("owner")).get("email"), made.at("/owner/temporaryPassword").asText());
        Api api = Fixtures.provider().as(owner);
        assertProblem(api.patch("/stores/" + made.at("/stores/1/storeId").asText(), map("orderPrefix", "NJD")), 409);
    }

    @Test
    void twoOwnersScreensChoosingOneCodeAtOnce_leaveItToOneStore() throws Exception {
        Shop s = new Shop();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> s.owner().patch("/stores/" + s.store, map("orderPrefix", "DUP")).status());
        var b = pool.submit(() -> s.owner().patch("/stores/" + s.otherStore, map("orderPrefix", "DUP")).status());
        int sa = a.get(), sb = b.get();
        pool.shutdown();
        assertEquals(1, (sa == 200 ? 1 : 0) + (sb == 200 ? 1 : 0), "one wins: " + sa + ", " + sb);
        assertEquals(409, sa == 200 ? sb : sa);
        long holders = 0;
        for (JsonNode st : ok(s.owner().get("/stores?limit=200"), 200).get("items")) if (st.get("orderPrefix").asText().equals("DUP")) holders++;
        assertEquals(1, holders);
    }
}
