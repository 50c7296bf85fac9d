package com.zhidian.apitests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A member's whole points ledger, page by page. */
final class Ledger {
    private Ledger() {}

    static List<JsonNode> entries(Api caller, String member) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Api.Res r = caller.get("/members/" + member + "/points/ledger?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, r.status(), r::toString);
            r.json().get("items").forEach(out::add);
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return out;
    }
}
