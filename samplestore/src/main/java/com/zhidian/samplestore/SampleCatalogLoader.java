package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample store's catalog (sample-catalog.json): a two-level category tree, products (one weighed: sold by weight, stock in grams, with an item
 * number for the scales), tenant prices, one store's own price with a promotion, and goods received in both stores
 * with expiry dates. Through the public API as the owner; safe to run again (a product that exists is left alone).
 */
final class SampleCatalogLoader {
    private final Http http;
    private final JsonNode catalog = read();

    SampleCatalogLoader(Http http) {
        this.http = http;
    }

    void load(String owner, List<String> stores) {
        Http.Res probe = http.call("GET", "/categories", owner, null, null);
        if (probe.noRoute()) return; // catalog not deployed
        Map<String, String> ids = categories(owner, probe.expect(200).body().get("items"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (JsonNode p : catalog.get("products")) {
            String gtin = p.get("gtin").asText();
            if (http.call("GET", "/products/" + gtin, owner, null, null).status() == 200) continue;
            Map<String, Object> body = new LinkedHashMap<>();
            for (String f : List.of("gtin", "name", "brand", "unit", "spec", "plu", "soldBy")) if (p.has(f)) body.put(f, p.get(f).asText());
            body.put("shelfLifeDays", p.get("shelfLifeDays").asInt());
            body.put("categoryId", ids.get(p.get("category").asText()));
            http.call("POST", "/products", owner, body, null).expect(201);
            http.call("PUT", "/prices/" + gtin, owner, Map.of("price", p.get("price").asLong()), null).expect(200);
            for (JsonNode r : catalog.get("receipts")) {
                if (!r.get("gtin").asText().equals(gtin)) continue;
                http.call("POST", "/stores/" + stores.get(r.get("store").asInt()) + "/stock/" + gtin + "/receipts", owner,
                        Map.of("quantity", r.get("quantity").asLong(), "cost", p.get("cost").asLong(), "reference", "SAMPLE-DN-001",
                                "expiresOn", today.plusDays(r.get("expiresInDays").asInt()).toString()),
                        "sample-receipt-" + gtin + "-" + r.get("store").asInt()).expect(201);
            }
            for (JsonNode sp : catalog.get("storePrices")) {
                if (!sp.get("gtin").asText().equals(gtin)) continue;
                OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.HOURS);
                http.call("PUT", "/stores/" + stores.get(sp.get("store").asInt()) + "/prices/" + gtin, owner, Map.of(
                        "price", sp.get("price").asLong(), "promoPrice", sp.get("promoPrice").asLong(),
                        "promoFrom", now.toString(), "promoTo", now.plusDays(sp.get("promoDays").asInt()).toString()), null).expect(200);
            }
        }
    }

    /** "top/sub" → category id, creating what is missing. */
    private Map<String, String> categories(String owner, JsonNode existing) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> byParentAndName = new HashMap<>();
        for (JsonNode c : existing) byParentAndName.put(c.path("parentId").asText("") + "/" + c.get("name").asText(), c.get("categoryId").asText());
        for (JsonNode top : catalog.get("categories")) {
            String name = top.get("name").asText();
            String topId = byParentAndName.computeIfAbsent("/" + name, k -> create(owner, name, null));
            for (JsonNode child : top.get("children")) {
                String sub = child.asText();
                ids.put(name + "/" + sub, byParentAndName.computeIfAbsent(topId + "/" + sub, k -> create(owner, sub, topId)));
            }
        }
        return ids;
    }

    private String create(String owner, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (parentId != null) body.put("parentId", parentId);
        return http.call("POST", "/categories", owner, body, null).expect(201).body().get("categoryId").asText();
    }

    /** The GTINs of the first {@code n} sample products (the run command's shelf labels show them). */
    static List<String> gtins(int n) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode p : read().get("products")) if (out.size() < n) out.add(p.get("gtin").asText());
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = SampleCatalogLoader.class.getResourceAsStream("/sample-catalog.json")) {
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("sample-catalog.json missing", e);
        }
    }
}
