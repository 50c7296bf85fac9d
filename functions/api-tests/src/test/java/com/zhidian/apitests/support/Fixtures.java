package com.zhidian.apitests.support;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Tenants, logins and tokens made through the public API, the way a provider and an owner make them. */
public final class Fixtures {
    public static final String NEW_PASSWORD = "Owner-Pass-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static volatile String providerToken;

    private Fixtures() {}

    /** Stops or slows one stand-in (Zhidian Local's {@code POST /local/faults}). */
    public static void fault(String service, String mode) {
        Api.Res r = anonymous().post("/local/faults", Api.map("service", service, "mode", mode));
        if (r.status() != 200) throw new AssertionError("fault not set: " + r);
    }

    /** Every stand-in up again. */
    public static void faultsOff() {
        anonymous().delete("/local/faults");
    }

    public static Api anonymous() {
        return new Api(Local.gatewayUrl(), null);
    }

    public static String providerToken() {
        if (providerToken == null) {
            synchronized (Fixtures.class) {
                if (providerToken == null) providerToken = login(Local.PROVIDER_USERNAME, Local.PROVIDER_PASSWORD);
            }
        }
        return providerToken;
    }

    public static Api provider() {
        return new Api(Local.gatewayUrl(), providerToken());
    }

    /** A login that must not meet a challenge. */
    public static String login(String username, String password) {
        Api.Res r = anonymous().post("/local/auth/login", map("username", username, "password", password));
        if (r.status() != 200 || !r.json().has("idToken")) throw new AssertionError("login of " + username + " failed: " + r);
        return r.json().get("idToken").asText();
    }

    /** First login with a temporary password: answers the NEW_PASSWORD_REQUIRED challenge. */
    public static String firstLogin(String username, String temporaryPassword) {
        Api.Res r = anonymous().post("/local/auth/login", map("username", username, "password", temporaryPassword));
        if (r.status() != 200 || !"NEW_PASSWORD_REQUIRED".equals(r.json().path("challenge").asText())) {
            throw new AssertionError("expected the new-password challenge for " + username + ": " + r);
        }
        Api.Res done = anonymous().post("/local/auth/new-password",
                map("username", username, "session", r.json().get("session").asText(), "newPassword", NEW_PASSWORD));
        if (done.status() != 200) throw new AssertionError("new password refused: " + done);
        return done.json().get("idToken").asText();
    }

    public static String uniqueEmail(String who) {
        return who + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@test.zhidian.local";
    }

    public static String uniquePhone() {
        long n = (System.nanoTime() / 1000 + SEQ.incrementAndGet() * 7919L) % 1_000_000_000L;
        return "139" + String.format("%08d", n % 100_000_000L);
    }

    public static Object onboardingBody(String name, String plan, String ownerEmail, int stores) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= stores; i++) {
            list.add(map("name", name + " 店" + i, "format", i % 2 == 1 ? "convenience" : "supermarket",
                    "address", "上海市黄浦区南京东路" + i + "号"));
        }
        return map("name", name, "plan", plan, "owner", map("name", "王店长", "email", ownerEmail, "phone", "13900000001"),
                "stores", list);
    }

    /** A freshly onboarded tenant with its owner logged in. */
    public static TenantFixture newTenant(String plan) {
        return newTenant(plan, 2);
    }

    public static TenantFixture newTenant(String plan, int stores) {
        String email = uniqueEmail("owner");
        Api.Res r = provider().post("/admin/tenants", onboardingBody("测试便利 " + SEQ.incrementAndGet(), plan, email, stores));
        if (r.status() != 201) throw new AssertionError("onboarding failed: " + r);
        JsonNode body = r.json();
        List<String> storeIds = new ArrayList<>();
        body.get("stores").forEach(s -> storeIds.add(s.get("storeId").asText()));
        String token = firstLogin(email, body.get("owner").get("temporaryPassword").asText());
        return new TenantFixture(body.get("tenantId").asText(), storeIds, email, new Api(Local.gatewayUrl(), token));
    }

    public record TenantFixture(String tenantId, List<String> storeIds, String ownerEmail, Api owner) {
        /** A new staff login limited to the given stores. */
        public Api staff(String... stores) {
            String email = uniqueEmail("staff");
            Api.Res r = owner.post("/users", map("email", email, "name", "李店员", "role", "staff", "storeIds", List.of(stores)));
            if (r.status() != 201) throw new AssertionError("staff creation failed: " + r);
            return owner.as(firstLogin(email, r.json().get("temporaryPassword").asText()));
        }
    }
}
