package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.parking.ParkingFixture;
import com.zhidian.apitests.reliability.IdempotencyStormTest.Prepared;
import com.zhidian.apitests.support.Fixtures;

/** The storms of parking's payments: paying by plate at the exit (public), and a member paying a debt. */
final class ParkingStorms {
    private ParkingStorms() {}

    /** A car inside owes ¥5; twenty payments with one key pay ¥5 once. */
    static Prepared payByPlate() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String store = t.storeIds().get(0);
        String link = ParkingFixture.setUp(t, store, 0);
        String plate = ParkingFixture.plate();
        try (ParkingFixture.Camera in = ParkingFixture.camera(t, store, "plate_camera", "入口", false)) {
            in.plate("entry", plate);
            ParkingFixture.stay(t, store, plate, s -> true, "the entry");
        }
        return new Prepared(Fixtures.anonymous(), "/parking/" + store + "/payments?t=" + ParkingFixture.q(link),
                map("plate", plate, "paymentMethod", "pm_card_visa"),
                () -> new long[] {ParkingFixture.stay(t, store, plate, s -> true, "the stay").get("paid").asLong()}, new long[] {500});
    }

    /** A member's failed pay-after-exit charge (a debt of ¥5), paid with a good card: twenty payments with one key pay it once. */
    static Prepared payDebt() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String store = t.storeIds().get(0);
        ParkingFixture.setUp(t, store, 0);
        ParkingFixture.Customer c = ParkingFixture.customer(t, store);
        String plate = ParkingFixture.plate();
        c.api().post("/me/parking/plates", map("plate", plate));
        c.api().put("/me/parking/card", map("paymentMethod", "pm_card_chargeCustomerFail"));
        JsonNode debt;
        try (ParkingFixture.Camera in = ParkingFixture.camera(t, store, "plate_camera", "入口", false);
             ParkingFixture.Camera out = ParkingFixture.camera(t, store, "plate_camera", "出口", true)) {
            in.plate("entry", plate);
            ParkingFixture.stay(t, store, plate, s -> true, "the entry");
            out.plate("exit", plate);
            debt = ParkingFixture.stay(t, store, plate, s -> "debt".equals(s.get("status").asText()), "the debt");
        }
        c.api().put("/me/parking/card", map("paymentMethod", "pm_card_visa"));
        return new Prepared(c.api(), "/me/parking/debts/" + debt.get("sessionId").asText() + "/payment", null,
                () -> new long[] {c.api().get("/me/parking").json().get("debt").asLong()}, new long[] {-500});
    }
}
