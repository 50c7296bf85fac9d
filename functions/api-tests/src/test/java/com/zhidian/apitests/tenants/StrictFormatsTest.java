package com.zhidian.apitests.tenants;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an outside probe found read too loosely (issue 24): media types, the usage month, time zones. */
class StrictFormatsTest {

    @Test
    void onlyApplicationJson_isReadAsJson_otherJsonLikeTypesAre415_andWriteNothing() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        for (String type : List.of("application/json-patch+json", "application/json5", "application/jsonx", "application/json-seq",
                "application/merge-patch+json", "text/json")) {
            String phone = Fixtures.uniquePhone();
            String body = "{\"phone\":\"" + phone + "\",\"storeId\":\"" + t.storeIds().get(0) + "\"}";
            assertProblem(t.owner().send("POST", "/members", body, null, type), 415);
            assertEquals(0, t.owner().get("/members?phone=" + phone).json().path("items").size(), type + " created a member");
        }
        String phone = Fixtures.uniquePhone();
        String body = "{\"phone\":\"" + phone + "\",\"storeId\":\"" + t.storeIds().get(0) + "\"}";
        Api.Res ok = t.owner().send("POST", "/members", body, null, "application/json; charset=utf-8");
        assertEquals(201, ok.status(), ok::toString);
    }

    @Test
    void aBodyWithoutContentType_is415_andWritesNothing() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String phone = Fixtures.uniquePhone();
        String body = "{\"phone\":\"" + phone + "\",\"storeId\":\"" + t.storeIds().get(0) + "\"}";
        Api.Res r = t.owner().send("POST", "/members", body, null, null);      // no Content-Type header at all
        assertEquals("unsupported-media-type", assertProblem(r, 415).get("code").asText());
        assertEquals(0, t.owner().get("/members?phone=" + phone).json().path("items").size(), "a member was created");
        assertEquals(400, t.owner().send("POST", "/members", null, null, null).status(), "no body and no type: the body is missing");
    }

    @Test
    void usageMonth_isExactlyYYYYMM() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String usage = "/admin/tenants/" + t.tenantId() + "/usage?month=";
        for (String m : List.of("-2026-12", "-0001-01", "+10000-01", "10000-01", "2026-1", "2026-012", "２０２６-12")) {
            assertFieldErrors(Fixtures.provider().get(usage + java.net.URLEncoder.encode(m, java.nio.charset.StandardCharsets.UTF_8)), "month");
        }
        Api.Res ok = Fixtures.provider().get(usage + "2026-12");
        assertEquals(200, ok.status(), ok::toString);
    }

    @Test
    void timeZone_isAnIanaName_notAnOffset() {
        Api p = Fixtures.provider();
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        for (String zone : List.of("+08:00", "Z", "UTC+8", "GMT+08:00", "UT+8", "-05:00")) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> body = (java.util.Map<String, Object>) Fixtures.onboardingBody("时区 " + zone, "basic", Fixtures.uniqueEmail("tz"), 1);
            body.put("timeZone", zone);
            assertFieldErrors(p.post("/admin/tenants", body), "timeZone");
            assertFieldErrors(t.owner().post("/stores", map("name", "时区店", "format", "convenience", "address", "上海", "timeZone", zone)), "timeZone");
        }
        Api.Res store = t.owner().post("/stores", map("name", "时区店", "format", "convenience", "address", "上海", "timeZone", "Asia/Shanghai"));
        assertEquals(201, store.status(), store::toString);
    }
}
