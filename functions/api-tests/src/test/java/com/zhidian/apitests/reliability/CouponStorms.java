package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.apitests.reliability.IdempotencyStormTest.Prepared;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The storm lines of the coupons routes: each POST 20 times at once with one key moves its counts once. */
final class CouponStorms {
    private CouponStorms() {}

    /** A tenant with a template (stock 100, 5 a member) and a member, and the customer signed in as that member. */
    private record World(Fixtures.TenantFixture t, String templateId, String memberId, Api customer) {}

    private static World world() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String phone = Fixtures.uniquePhone();
        Api.Res m = t.owner().post("/members", map("phone", phone, "name", "风暴", "storeId", t.storeIds().get(0)), key());
        assertEquals(201, m.status(), m::toString);
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        assertEquals(200, login.status(), login::toString);
        return new World(t, template(t), m.json().get("memberId").asText(), t.owner().as(login.json().get("idToken").asText()));
    }

    private static String template(Fixtures.TenantFixture t) {
        Api.Res r = t.owner().post("/coupon-templates", map("name", "风暴券", "kind", "amount_off", "value", 500, "validDays", 30,
                "totalStock", 100, "perMemberLimit", 5));
        assertEquals(201, r.status(), r::toString);
        return r.json().get("templateId").asText();
    }

    private static String issue(World w) {
        Api.Res r = w.t().owner().post("/coupon-templates/" + w.templateId() + "/issue", map("memberIds", List.of(w.memberId())), key());
        assertEquals(200, r.status(), r::toString);
        return r.json().at("/results/0/code").asText();
    }

    /** The template's counts, in the order given. */
    private static Supplier<long[]> counts(World w, String... names) {
        return () -> {
            Api.Res r = w.t().owner().get("/coupon-templates/" + w.templateId());
            assertEquals(200, r.status(), r::toString);
            long[] out = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                out[i] = names[i].equals("stopped") ? ("stopped".equals(r.json().get("status").asText()) ? 1 : 0)
                        : r.json().get("counts").get(names[i]).asLong();
            }
            return out;
        };
    }

    static Prepared create() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        Supplier<long[]> templates = () -> new long[] {t.owner().get("/coupon-templates?limit=200").json().get("items").size()};
        return new Prepared(t.owner(), "/coupon-templates", map("name", "风暴新券", "kind", "amount_off", "value", 300, "validDays", 7,
                "totalStock", 10, "perMemberLimit", 1), templates, new long[] {1});
    }

    static Prepared issueStorm() {
        World w = world();
        return new Prepared(w.t().owner(), "/coupon-templates/" + w.templateId() + "/issue", map("memberIds", List.of(w.memberId())),
                counts(w, "issued", "remaining"), new long[] {1, -1});
    }

    /** Issue to a filter: the tenant's one member gets one coupon, once, and every copy answers the same job. */
    static Prepared issueToFilter() {
        World w = world();
        return new Prepared(w.t().owner(), "/coupon-templates/" + w.templateId() + "/issues", map("filter", map()),
                counts(w, "issued", "remaining"), new long[] {1, -1});
    }

    static Prepared claim() {
        World w = world();
        return new Prepared(w.customer(), "/me/coupons", map("templateId", w.templateId()), counts(w, "claimed", "remaining"),
                new long[] {1, -1});
    }

    static Prepared stop() {
        World w = world();
        return new Prepared(w.t().owner(), "/coupon-templates/" + w.templateId() + "/stop", null, counts(w, "stopped"), new long[] {1});
    }

    static Prepared voidAll() {
        World w = world();
        issue(w);
        issue(w);
        return new Prepared(w.t().owner(), "/coupon-templates/" + w.templateId() + "/void", map("reason", "活动取消"),
                counts(w, "voided", "stopped"), new long[] {2, 1});
    }

    static Prepared check() {
        World w = world();
        String code = issue(w);
        return new Prepared(w.t().owner(), "/coupons/check", map("code", code, "storeId", w.t().storeIds().get(0)),
                counts(w, "redeemed", "voided"), new long[] {0, 0});
    }

    static Prepared redeem() {
        World w = world();
        String code = issue(w);
        return new Prepared(w.t().staff(w.t().storeIds().get(0)), "/coupons/redeem", map("code", code, "storeId", w.t().storeIds().get(0)),
                counts(w, "redeemed"), new long[] {1});
    }

    static Prepared voidOne() {
        World w = world();
        String code = issue(w);
        return new Prepared(w.t().owner(), "/coupons/void", map("code", code, "reason", "补发错误"), counts(w, "voided"), new long[] {1});
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
