package com.zhidian.apitests.parking;

import static com.zhidian.apitests.parking.ParkingFixture.q;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.sensors.Sensors;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Smart parking end to end (issue 25): a car park set up by the owner, plate cameras and a space sensor over MQTT,
 * paying by plate at the exit, pay-after-exit for members with a saved card (Stripe stand-in), debts, find my car,
 * the public links, roles and another tenant. Waits are bounded polls and time nothing.
 */
class ParkingApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);
    private static final String LINK = ParkingFixture.setUp(T, S1, 0);
    private static final ParkingFixture.Camera ENTRY = ParkingFixture.camera(T, S1, "plate_camera", "入口相机", false);
    private static final ParkingFixture.Camera EXIT = ParkingFixture.camera(T, S1, "plate_camera", "出口相机", true);
    private static final ParkingFixture.Camera SENSOR = ParkingFixture.camera(T, S1, "space_sensor", "B1 车位检测", false);

    @AfterAll
    static void close() {
        ENTRY.close();
        EXIT.close();
        SENSOR.close();
    }

    /** A problem+json answer of that status and, when given, that code. */
    static void problem(Api.Res r, int status, String code) {
        JsonNode p = assertProblem(r, status);
        if (code != null) assertEquals(code, p.path("code").asText(), r::toString);
    }

    private static JsonNode enter(String plate) {
        ENTRY.send(map("type", "plate", "gate", "entry", "plate", plate, "zone", "B1"));
        return ParkingFixture.stay(T, S1, plate, s -> true, "the entry of " + plate);
    }

    @Test
    void theOwnerSetsUpACarParkAndStaffSeeIt() {
        Api.Res r = T.owner().put("/stores/" + S2 + "/car-park", ParkingFixture.carPark(30));
        assertEquals(200, r.status(), r::toString);
        JsonNode p = r.json();
        assertEquals(100, p.get("spaces").asInt());
        assertEquals(30, p.at("/tariff/freeMinutes").asInt());
        assertEquals(2, p.at("/memberFreeHours/0/hours").asInt());
        assertEquals(0, p.get("occupied").asInt());
        assertEquals(List.of("B1", "B2"), p.get("zones").findValuesAsText("zone"));
        assertEquals(200, T.staff(S2).get("/stores/" + S2 + "/car-park").status());
        problem(T.staff(S2).put("/stores/" + S2 + "/car-park", ParkingFixture.carPark(0)), 403, null);
        problem(T.staff(S2).get("/stores/" + S1 + "/car-park"), 404, "store.not_found");
    }

    @Test
    void badSetUpsNameEveryField() {
        assertFieldErrors(T.owner().put("/stores/" + S2 + "/car-park", map("name", "", "zones", List.of(map("zone", "B 1", "spaces", 0)),
                "tariff", map("perHourFen", -1, "freeMinutes", 2000, "dailyCapFen", "x"), "graceMinutes", 999, "extra", 1)),
                "name", "zones[0].zone", "zones[0].spaces", "tariff.perHourFen", "tariff.freeMinutes", "tariff.dailyCapFen", "graceMinutes", "extra");
        assertFieldErrors(T.owner().put("/stores/" + S2 + "/car-park", map("name", "P", "zones", List.of(map("zone", "A", "spaces", 1),
                map("zone", "A", "spaces", 2)), "tariff", map("perHourFen", 1, "freeMinutes", 0, "dailyCapFen", 1), "graceMinutes", 1)), "zones");
        assertFieldErrors(T.owner().put("/stores/" + S2 + "/car-park", map()), "name", "zones", "tariff", "graceMinutes");
        problem(T.owner().get("/stores/" + S1 + "/car-park/sessions?status=gone"), 400, null);
        problem(T.owner().get("/stores/" + S1 + "/car-park/day?date=2026-13-01"), 400, null);
    }

    @Test
    void anotherTenantsCarParkIsNotFound() {
        problem(OTHER.owner().get("/stores/" + S1 + "/car-park"), 404, "store.not_found");
        problem(OTHER.owner().put("/stores/" + S1 + "/car-park", ParkingFixture.carPark(0)), 404, "store.not_found");
        problem(OTHER.owner().get("/stores/" + OTHER.storeIds().get(0) + "/car-park"), 404, "parking.no_car_park");
        // the link of T's car park opens nothing of another store, nor does a made-up one
        String plate = ParkingFixture.plate();
        enter(plate);
        problem(Fixtures.anonymous().get("/parking/" + OTHER.storeIds().get(0) + "/car?plate=" + q(plate) + "&t=" + q(LINK)), 404,
                "parking.car_not_found");
        problem(Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate) + "&t=" + q(OTHER.tenantId() + ".forged")), 404,
                "parking.car_not_found");
        problem(Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate)), 404, "parking.car_not_found");
    }

    @Test
    void aCarWithoutAMemberPaysByPlateAtTheExitAndTheBarrierOpens() {
        String plate = ParkingFixture.plate();
        JsonNode in = enter(plate);
        assertEquals("parked", in.get("status").asText());
        assertEquals("B1", in.get("zone").asText());
        assertFalse(in.get("member").asBoolean());
        // a space sensor reads the plate in B1-017: find my car from a pillar's QR
        SENSOR.send(map("type", "space", "zone", "B1", "space", "B1-017", "plate", plate, "occupied", true));
        ParkingFixture.stay(T, S1, plate, s -> "B1-017".equals(s.path("space").asText()), "the space of " + plate);
        JsonNode found = Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate) + "&t=" + q(LINK)).json();
        assertEquals("B1", found.get("zone").asText());
        assertEquals("B1-017", found.get("space").asText());
        assertEquals(plate.substring(0, 2) + "·***" + plate.substring(5), found.get("plate").asText(), "a public page masks the plate");
        assertTrue(T.owner().get("/stores/" + S1 + "/car-park").json().get("occupied").asInt() >= 1);

        // at the exit: no card, so the car waits at the barrier with the fee shown
        EXIT.plate("exit", plate);
        JsonNode waiting = ParkingFixture.stay(T, S1, plate, s -> "exiting".equals(s.get("status").asText()), "waiting at the exit");
        assertEquals(500, waiting.get("fee").asLong(), "a started hour at ¥5");
        JsonNode quote = Fixtures.anonymous().get("/parking/" + S1 + "/quote?plate=" + q(plate) + "&t=" + q(LINK)).json();
        assertEquals(500, quote.get("due").asLong());

        assertFieldErrors(Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", "粤B1234", "paymentMethod", "visa")),
                "plate", "paymentMethod");
        problem(Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_chargeDeclined")),
                422, "parking.payment_failed");
        Api.Res paid = Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"),
                "pay-" + in.get("sessionId").asText());
        assertEquals(200, paid.status(), paid::toString);
        assertEquals(0, paid.json().get("due").asLong());
        assertEquals(500, paid.json().get("paid").asLong());
        JsonNode done = ParkingFixture.stay(T, S1, plate, s -> "completed".equals(s.get("status").asText()) && !s.get("barrierAt").isNull(),
                "the barrier's acknowledgement");
        assertEquals(500, done.get("paid").asLong());
        assertNotNull(done.get("exitedAt").asText(null));
        // the same Idempotency-Key answers the first answer again; another one finds no car: it has left
        Api.Res replay = Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"),
                "pay-" + in.get("sessionId").asText());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(paid.json(), replay.json());
        problem(Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"),
                "pay-again-" + in.get("sessionId").asText()), 404, "parking.car_not_found");
        problem(Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_mastercard"),
                "pay-" + in.get("sessionId").asText()), 422, null);
        problem(Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate) + "&t=" + q(LINK)), 404, "parking.car_not_found");
    }

    @Test
    void aCarThatPaysBeforeTheExitLeavesWithinTheGraceTime() {
        String plate = ParkingFixture.plate();
        enter(plate);
        Api.Res paid = Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"));
        assertEquals(200, paid.status(), paid::toString);
        Api.Res again = Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"));
        assertEquals(200, again.status(), again::toString);
        assertEquals(500, again.json().get("paid").asLong(), "paid once");
        EXIT.plate("exit", plate);
        JsonNode done = ParkingFixture.stay(T, S1, plate, s -> "completed".equals(s.get("status").asText()), "the exit");
        assertEquals(500, done.get("paid").asLong());
    }

    @Test
    void aMemberWithASavedCardLeavesFirstAndPaysAfter() {
        ParkingFixture.Customer c = ParkingFixture.customer(T, S1);
        String plate = ParkingFixture.plate();
        assertEquals(201, c.api().post("/me/parking/plates", map("plate", plate)).status());
        Api.Res card = c.api().put("/me/parking/card", map("paymentMethod", "pm_card_visa"));
        assertEquals(200, card.status(), card::toString);
        assertEquals("visa ····4242", card.json().at("/card/label").asText());
        JsonNode in = enter(plate);
        assertTrue(in.get("member").asBoolean());
        EXIT.plate("exit", plate);
        JsonNode done = ParkingFixture.stay(T, S1, plate, s -> "completed".equals(s.get("status").asText()) && s.get("paid").asLong() == 500
                && !s.get("barrierAt").isNull(), "pay-after-exit");
        assertEquals(500, done.get("fee").asLong());
        JsonNode mine = c.api().get("/me/parking").json();
        assertEquals(0, mine.get("debt").asLong());
        assertEquals("completed", mine.at("/stays/0/status").asText());
    }

    @Test
    void aFailedChargeAfterTheExitLeavesADebtThatTheMemberPays() {
        ParkingFixture.Customer c = ParkingFixture.customer(T, S1);
        String plate = ParkingFixture.plate();
        c.api().post("/me/parking/plates", map("plate", plate));
        // the card attaches to the customer, but charges it later fail (Stripe's 4000 0000 0000 0341)
        assertEquals(200, c.api().put("/me/parking/card", map("paymentMethod", "pm_card_chargeCustomerFail")).status());
        enter(plate);
        EXIT.plate("exit", plate);
        JsonNode debt = ParkingFixture.stay(T, S1, plate, s -> "debt".equals(s.get("status").asText()), "the debt");
        assertEquals("generic_decline", debt.get("failure").asText());
        Sensors.until(() -> T.owner().get("/stores/" + S1 + "/car-park/sessions?status=debt"),
                p -> ParkingFixture.find(p, plate) != null && !ParkingFixture.find(p, plate).get("barrierAt").isNull(), "the barrier opened anyway");
        JsonNode mine = c.api().get("/me/parking").json();
        assertEquals(500, mine.get("debt").asLong());
        String sessionId = debt.get("sessionId").asText();
        problem(c.api().post("/me/parking/debts/" + sessionId + "/payment", null, "debt-1-" + sessionId), 422, "parking.payment_failed");
        problem(c.api().put("/me/parking/card", map("paymentMethod", "pm_card_chargeDeclined")), 422, "parking.payment_failed");
        assertEquals(200, c.api().put("/me/parking/card", map("paymentMethod", "pm_card_visa")).status());
        Api.Res paid = c.api().post("/me/parking/debts/" + sessionId + "/payment", null, "debt-2-" + sessionId);
        assertEquals(200, paid.status(), paid::toString);
        assertEquals("completed", paid.json().get("status").asText());
        Api.Res replay = c.api().post("/me/parking/debts/" + sessionId + "/payment", null, "debt-2-" + sessionId);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        problem(c.api().post("/me/parking/debts/" + sessionId + "/payment", null, "debt-3-" + sessionId), 409, "parking.nothing_due");
        assertEquals(0, c.api().get("/me/parking").json().get("debt").asLong());
        // another member's debt is not found
        ParkingFixture.Customer other = ParkingFixture.customer(T, S1);
        problem(other.api().post("/me/parking/debts/" + sessionId + "/payment", null), 404, "parking.session_not_found");
    }

    @Test
    void platesAreCheckedBoundOnceAndAtMostThree() {
        ParkingFixture.Customer a = ParkingFixture.customer(T, S1);
        ParkingFixture.Customer b = ParkingFixture.customer(T, S1);
        assertFieldErrors(a.api().post("/me/parking/plates", map("plate", "ABC1234")), "plate");
        assertFieldErrors(a.api().post("/me/parking/plates", map("plate", "粤BI2345")), "plate");
        assertFieldErrors(a.api().post("/me/parking/plates", map("plate", "粤B12345", "owner", "x")), "owner");
        String p1 = ParkingFixture.plate();
        Api.Res r = a.api().post("/me/parking/plates", map("plate", p1.substring(0, 2) + "·" + p1.substring(2).toLowerCase()));
        assertEquals(201, r.status(), r::toString);
        assertEquals(p1, r.json().get("plates").get(0).asText(), "stored upper case without the dot");
        assertEquals(201, a.api().post("/me/parking/plates", map("plate", p1)).status(), "binding again changes nothing");
        problem(b.api().post("/me/parking/plates", map("plate", p1)), 409, "parking.plate_taken");
        String newEnergy = "粤BD" + String.format("%05d", new java.util.Random().nextInt(100_000));
        assertEquals(201, a.api().post("/me/parking/plates", map("plate", newEnergy)).status());
        assertEquals(201, a.api().post("/me/parking/plates", map("plate", ParkingFixture.plate())).status());
        problem(a.api().post("/me/parking/plates", map("plate", ParkingFixture.plate())), 409, "parking.too_many_plates");
        Api.Res removed = a.api().delete("/me/parking/plates?plate=" + q(p1));
        assertEquals(200, removed.status(), removed::toString);
        assertEquals(2, removed.json().get("plates").size());
        problem(a.api().delete("/me/parking/plates?plate=" + q(p1)), 404, "parking.plate_not_found");
        assertEquals(201, b.api().post("/me/parking/plates", map("plate", p1)).status(), "free again");
        problem(T.owner().get("/me/parking"), 403, null);
    }

    @Test
    void theFreeTimeOpensTheBarrierWithoutPaying() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String store = t.storeIds().get(0);
        ParkingFixture.setUp(t, store, 15);
        try (ParkingFixture.Camera in = ParkingFixture.camera(t, store, "plate_camera", "入口", false);
             ParkingFixture.Camera out = ParkingFixture.camera(t, store, "plate_camera", "出口", true)) {
            String plate = ParkingFixture.plate();
            in.plate("entry", plate);
            ParkingFixture.stay(t, store, plate, s -> true, "the entry");
            out.plate("exit", plate);
            JsonNode done = ParkingFixture.stay(t, store, plate, s -> "completed".equals(s.get("status").asText()), "the free exit");
            assertEquals(0, done.get("fee").asLong());
            assertEquals(0, done.get("paid").asLong());
            assertEquals(15, done.get("freeMinutes").asLong());
        }
    }

    @Test
    void aMemberWhoSpentEnoughInTheStoreThatDayParksFree() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String store = t.storeIds().get(0);
        java.util.Map<String, Object> park = ParkingFixture.carPark(0);
        park.put("memberFreeHours", List.of(map("spendFen", 2000, "hours", 1)));
        assertEquals(200, t.owner().put("/stores/" + store + "/car-park", park).status());
        ParkingFixture.Customer spender = ParkingFixture.customer(t, store);
        ParkingFixture.Customer other = ParkingFixture.customer(t, store);
        String gtin = com.zhidian.apitests.catalog.Catalog.stocked(t, store);
        Api.Res order = t.owner().post("/orders", map("storeId", store, "channel", "pos", "fulfilment", "in_store", "memberId", spender.memberId(),
                "lines", List.of(map("gtin", gtin, "qty", 10))), java.util.UUID.randomUUID().toString());
        assertEquals(201, order.status(), order::toString);
        Api.Res paid = t.owner().post("/orders/" + order.json().get("orderId").asText() + "/payments", map("method", "cash", "tendered", 2000),
                java.util.UUID.randomUUID().toString());
        assertEquals(200, paid.status(), paid::toString);
        String p1 = ParkingFixture.plate(), p2 = ParkingFixture.plate();
        assertEquals(201, spender.api().post("/me/parking/plates", map("plate", p1)).status());
        assertEquals(201, other.api().post("/me/parking/plates", map("plate", p2)).status());
        try (ParkingFixture.Camera in = ParkingFixture.camera(t, store, "plate_camera", "入口", false);
             ParkingFixture.Camera out = ParkingFixture.camera(t, store, "plate_camera", "出口", true)) {
            in.plate("entry", p1);
            in.plate("entry", p2);
            ParkingFixture.stay(t, store, p2, s -> true, "the entries");
            out.plate("exit", p1);
            out.plate("exit", p2);
            JsonNode free = ParkingFixture.stay(t, store, p1, s -> "completed".equals(s.get("status").asText()), "the spender's free exit");
            assertEquals(0, free.get("fee").asLong());
            assertEquals(60, free.get("freeMinutes").asLong(), "an hour for ¥20 spent that day");
            JsonNode owes = ParkingFixture.stay(t, store, p2, s -> "exiting".equals(s.get("status").asText()), "the other member waits");
            assertEquals(500, owes.get("fee").asLong(), "a member without spending and without a card pays at the exit");
        }
    }

    /**
     * The sensor and the entry camera publish on their own connections, so a space reading may come first: it is kept
     * a short while and applied when the stay appears. Ordered without timing: the rules run one message after another
     * in the order the broker got them, so once a later reading of the same sensor (for a car already inside) shows, the
     * early one was handled before the entry is published.
     */
    @Test
    void aSpaceReadBeforeTheEntryIsAppliedWhenTheStayAppears() {
        String marker = ParkingFixture.plate();
        enter(marker);
        String plate = ParkingFixture.plate();
        SENSOR.send(map("type", "space", "zone", "B1", "space", "B1-042", "plate", plate, "occupied", true));
        SENSOR.send(map("type", "space", "zone", "B1", "space", "B1-043", "plate", marker, "occupied", true));
        ParkingFixture.stay(T, S1, marker, s -> "B1-043".equals(s.path("space").asText()), "the later reading of " + marker);
        assertEquals(404, Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate) + "&t=" + q(LINK)).status(),
                "no stay yet for " + plate);

        ENTRY.send(map("type", "plate", "gate", "entry", "plate", plate, "zone", "B1"));
        ParkingFixture.stay(T, S1, plate, s -> "B1-042".equals(s.path("space").asText()), "the early space of " + plate);
        JsonNode found = Fixtures.anonymous().get("/parking/" + S1 + "/car?plate=" + q(plate) + "&t=" + q(LINK)).json();
        assertEquals("B1-042", found.get("space").asText());
    }

    @Test
    void aDayShowsCarsByHourAndRevenue() {
        String plate = ParkingFixture.plate();
        enter(plate);
        Fixtures.anonymous().post("/parking/" + S1 + "/payments?t=" + q(LINK), map("plate", plate, "paymentMethod", "pm_card_visa"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode day = T.staff(S1).get("/stores/" + S1 + "/car-park/day?date=" + today).json();
        assertEquals(24, day.get("hours").size());
        assertTrue(day.get("revenue").asLong() >= 500, day::toString);
        int hour = java.time.ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour();
        assertTrue(day.at("/hours/" + hour + "/cars").asInt() >= 1, day::toString);
        assertTrue(day.at("/hours/" + hour + "/entries").asInt() >= 1, day::toString);
    }

    @Test
    void anErasedMembersPlatesAndStaysForgetThePlate() {
        ParkingFixture.Customer c = ParkingFixture.customer(T, S1);
        String plate = ParkingFixture.plate();
        c.api().post("/me/parking/plates", map("plate", plate));
        c.api().put("/me/parking/card", map("paymentMethod", "pm_card_visa"));
        enter(plate);
        EXIT.plate("exit", plate);
        String sessionId = ParkingFixture.stay(T, S1, plate, s -> "completed".equals(s.get("status").asText()), "the exit").get("sessionId").asText();
        Api.Res erased = T.owner().delete("/members/" + c.memberId());
        assertTrue(erased.status() < 300, erased::toString);
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/ParkingSweepFunction", null).status());
        JsonNode page = T.owner().get("/stores/" + S1 + "/car-park/sessions?limit=200").json();
        for (JsonNode s : page.get("items")) {
            if (s.get("sessionId").asText().equals(sessionId)) assertTrue(s.get("plate").isNull(), s::toString);
        }
        assertEquals(null, ParkingFixture.find(page, plate));
        ParkingFixture.Customer next = ParkingFixture.customer(T, S1);
        assertEquals(201, next.api().post("/me/parking/plates", map("plate", plate)).status(), "the plate is nobody's now");
    }
}
