package com.zhidian.apitests.lockers;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.TenantSessions;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.Locker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pickup lockers end to end (issue 21): the HTTP API and a simulated locker ({@link Locker}, AWS IoT Device SDK v2)
 * over MQTT against Zhidian Local. Staff deposit a ready order, the customer reads the code in the H5 and enters it at
 * the locker, the door reports closed and empty and the order is completed. Waits are bounded and time nothing.
 */
class LockersApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);
    private static final Connections CONNECTIONS = new Connections(1);

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.close();
    }

    record SetUp(String lockerId, String key, JsonNode device) {}

    private static SetUp setUp(Fixtures.TenantFixture t, String store, String... sizes) {
        Api.Res d = t.owner().post("/stores/" + store + "/devices", map("kind", "locker", "name", "门口储物柜"));
        assertEquals(201, d.status(), d::toString);
        String id = d.json().get("deviceId").asText();
        Api.Res r = t.owner().post("/stores/" + store + "/lockers", map("deviceId", id,
                "compartments", java.util.Arrays.stream(sizes).map(s -> map("size", s)).toList()));
        assertEquals(201, r.status(), r::toString);
        assertEquals(sizes.length, r.json().get("compartments").size());
        return new SetUp(id, r.json().get("key").asText(), d.json());
    }

    private static Locker start(SetUp s, String store, int compartments) throws Exception {
        JsonNode d = s.device();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= compartments; i++) ids.add(String.format("%02d", i));
        Locker l = new Locker(DeviceConfig.local("locker", d.get("thingName").asText(), T.tenantId(), store, s.lockerId(),
                d.at("/mqtt/host").asText(), d.at("/mqtt/port").asInt(), d.at("/credentials/password").asText()), CONNECTIONS, s.key(), ids);
        l.start();
        return l;
    }

    record Customer(String memberId, Api api) {}

    private static Customer customer() {
        String phone = Fixtures.uniquePhone();
        Api.Res m = T.owner().post("/members", map("phone", phone, "name", "王五", "storeId", S1));
        assertEquals(201, m.status(), m::toString);
        Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", T.tenantId(), "phone", phone, "otp", "000000"));
        assertEquals(200, r.status(), r::toString);
        return new Customer(m.json().get("memberId").asText(), T.owner().as(r.json().get("idToken").asText()));
    }

    /** A pickup order of the member, paid in cash at the till: ready to go into a locker. */
    private static String paidPickup(String memberId) {
        String gtin = Catalog.stocked(T, S1);
        Api.Res o = T.owner().post("/orders", map("storeId", S1, "channel", "pos", "fulfilment", "pickup", "memberId", memberId,
                "lines", List.of(map("gtin", gtin, "qty", 1))), UUID.randomUUID().toString());
        assertEquals(201, o.status(), o::toString);
        String id = o.json().get("orderId").asText();
        Api.Res p = T.owner().post("/orders/" + id + "/payments", map("method", "cash", "tendered", 200), UUID.randomUUID().toString());
        assertEquals(200, p.status(), p::toString);
        return id;
    }

    private static String status(String orderId) {
        return T.owner().get("/orders/" + orderId).json().get("status").asText();
    }

    private static JsonNode compartment(String store, String lockerId, String id) {
        for (JsonNode c : T.staff(store).get("/stores/" + store + "/lockers/" + lockerId).json().get("compartments")) {
            if (c.get("compartmentId").asText().equals(id)) return c;
        }
        throw new AssertionError("no compartment " + id);
    }

    private static boolean await(java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (done.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }

    private static Predicate<JsonNode> state(String s) {
        return c -> s.equals(c.get("state").asText());
    }

    private static boolean compartmentIs(String lockerId, String id, String s) {
        return state(s).test(compartment(S1, lockerId, id));
    }

    @Test
    void depositCodeOpenClosedAndEmpty_completesTheOrder_andTheCodeOpensOnce() throws Exception {
        SetUp s = setUp(T, S1, "S", "M", "L");
        Customer me = customer();
        String order = paidPickup(me.memberId());
        try (Locker locker = start(s, S1, 3)) {
            Api.Res dep = T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/deposits", map("orderId", order, "size", "M"));
            assertEquals(201, dep.status(), dep::toString);
            String c = dep.json().at("/compartment/compartmentId").asText();
            assertEquals("02", c);
            assertEquals("reserved", dep.json().at("/compartment/state").asText());
            assertEquals("ready_for_pickup", status(order));
            // the cloud's open command reaches the device through the locker shadow: the door opens for staff
            assertTrue(await(() -> locker.isOpen(c)), "the door opened for staff");
            locker.putIn(c);
            locker.close(c);
            assertTrue(await(() -> compartmentIs(s.lockerId(), c, "occupied")));

            JsonNode code = me.api().get("/me/orders/" + order + "/pickup-code").json();
            String digits = code.get("code").asText();
            assertTrue(digits.matches("02[0-9]{6}"), digits);
            assertFalse(locker.enter(wrong(digits)), "a wrong code opens nothing");
            assertTrue(await(() -> locker.use(c) != null), "the device knows the compartment's use");
            assertTrue(locker.enter(digits), "the code opens its compartment");
            assertTrue(await(() -> compartmentIs(s.lockerId(), c, "open")));
            locker.takeOut(c);
            locker.close(c);
            assertTrue(await(() -> "completed".equals(status(order))), "closed and empty completes the order");
            assertEquals("free", compartment(S1, s.lockerId(), c).get("state").asText());
            assertFalse(locker.enter(digits), "a used code is refused");
            assertProblem(me.api().get("/me/orders/" + order + "/pickup-code"), 404);
        }
    }

    @Test
    void aJammedDoorDoesNotCompleteTheOrder_andStaffClearIt() throws Exception {
        SetUp s = setUp(T, S1, "S");
        Customer me = customer();
        String order = paidPickup(me.memberId());
        try (Locker locker = start(s, S1, 1)) {
            assertEquals(201, T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/deposits", map("orderId", order, "size", "S")).status());
            assertTrue(await(() -> locker.isOpen("01")));
            locker.putIn("01");
            locker.close("01");
            assertTrue(await(() -> compartmentIs(s.lockerId(), "01", "occupied")));
            String digits = me.api().get("/me/orders/" + order + "/pickup-code").json().get("code").asText();
            assertTrue(await(() -> locker.use("01") != null));
            assertTrue(locker.enter(digits));
            locker.takeOut("01");
            locker.jam("01", true);
            locker.close("01");
            assertTrue(await(() -> compartmentIs(s.lockerId(), "01", "jammed")), "the device reports the jam");
            assertEquals("ready_for_pickup", status(order), "a jammed door completes nothing");
            assertProblem(T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/compartments/01/removal", null), 409);
            Api.Res cleared = T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/compartments/01/clear-jam", null);
            assertEquals(200, cleared.status(), cleared::toString);
            assertEquals("open", cleared.json().at("/compartments/0/state").asText());
            locker.jam("01", false);
            locker.close("01");
            assertTrue(await(() -> "completed".equals(status(order))));
            assertProblem(T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/compartments/01/clear-jam", null), 409);
        }
    }

    @Test
    void anUncollectedPickupIsOverdue_forStaff_andFreedAfterRemoval() throws Exception {
        SetUp s = setUp(T, S1, "L");
        String order = paidPickup(customer().memberId());
        assertEquals(201, T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/deposits", map("orderId", order, "size", "S")).status(),
                "an S order goes into the L compartment when no S is free");
        assertNotNull(compartment(S1, s.lockerId(), "01").get("deadline").asText());
        assertFalse(compartment(S1, s.lockerId(), "01").get("overdue").asBoolean());
        pastDeadline(s.lockerId());
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/LockerSweepFunction", null).status());
        JsonNode c = compartment(S1, s.lockerId(), "01");
        assertTrue(c.get("overdue").asBoolean(), c::toString);
        // the staff are told: one store alert, saying which order in which compartment and what to do
        JsonNode alert = overdueAlert(s.lockerId(), "open");
        assertEquals(order, alert.at("/seen/orderId").asText());
        assertEquals("01", alert.at("/seen/compartmentId").asText());
        assertFalse(alert.get("whatToDo").asText().isBlank());
        assertTrue(T.staff(S1).with("Accept-Language", "zh-CN").get("/alerts/" + alert.get("alertId").asText()).json().get("summary").asText()
                .contains("未取走"));
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/LockerSweepFunction", null).status());
        assertEquals(1, overdueAlerts(s.lockerId(), "active").size(), "raised once, however many sweeps");
        assertEquals(1, T.staff(S1).get("/notifications?storeId=" + S1).json().get("items").findValuesAsText("alertId").stream()
                .filter(alert.get("alertId").asText()::equals).count(), "notified once");
        Api.Res removed = T.staff(S1).post("/stores/" + S1 + "/lockers/" + s.lockerId() + "/compartments/01/removal", null);
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("free", removed.json().at("/compartments/0/state").asText());
        assertEquals("ready_for_pickup", status(order), "the order waits at the desk");
        JsonNode resolved = T.owner().get("/alerts/" + alert.get("alertId").asText()).json();
        assertEquals("resolved", resolved.get("state").asText(), "taken out: the alert is over");
        assertEquals("system", resolved.get("resolvedBy").asText());
        assertTrue(overdueAlerts(s.lockerId(), "active").isEmpty());
    }

    @Test
    void aShopperDepositsABag_andTheCodeOpensItOnce() throws Exception {
        SetUp s = setUp(T, S1, "M", "M");
        try (Locker locker = start(s, S1, 2)) {
            String code = locker.depositBag();
            assertNotNull(code);
            String c = code.substring(0, 2);
            locker.putIn(c);
            locker.close(c);
            assertTrue(await(() -> {
                JsonNode x = compartment(S1, s.lockerId(), c);
                return "occupied".equals(x.get("state").asText()) && "bag".equals(x.get("use").asText());
            }));
            assertTrue(locker.enter(code));
            locker.takeOut(c);
            locker.close(c);
            assertTrue(await(() -> compartmentIs(s.lockerId(), c, "free")));
            assertFalse(locker.enter(code), "the bag code opens once");
        }
    }

    @Test
    void anotherTenantsLockerIs404_andAnotherStoresToo() {
        SetUp s = setUp(T, S1, "S");
        assertProblem(OTHER.owner().get("/stores/" + S1 + "/lockers/" + s.lockerId()), 404);
        assertProblem(OTHER.owner().get("/stores/" + OTHER.storeIds().get(0) + "/lockers/" + s.lockerId()), 404);
        assertProblem(T.owner().get("/stores/" + S2 + "/lockers/" + s.lockerId()), 404);
        assertProblem(T.staff(S2).get("/stores/" + S1 + "/lockers"), 404);
        assertProblem(OTHER.owner().post("/stores/" + OTHER.storeIds().get(0) + "/lockers/" + s.lockerId() + "/deposits",
                map("orderId", "or_x", "size", "S")), 404);
    }

    @Test
    void badInputOnEveryRoute_isA400NamingTheField_orA409() {
        SetUp s = setUp(T, S1, "S");
        String base = "/stores/" + S1 + "/lockers";
        assertFieldErrors(T.owner().post(base, map("deviceId", "x y", "compartments", List.of())), "deviceId", "compartments");
        assertFieldErrors(T.owner().post(base, map("deviceId", s.lockerId(), "compartments", List.of(map("size", "XL")), "extra", 1)),
                "compartments[0].size", "extra");
        assertProblem(T.owner().post(base, map("deviceId", s.lockerId(), "compartments", List.of(map("size", "S")))), 409);
        String esl = T.owner().post("/stores/" + S1 + "/devices", map("kind", "fridge_sensor", "name", "冷柜")).json().get("deviceId").asText();
        assertFieldErrors(T.owner().post(base, map("deviceId", esl, "compartments", List.of(map("size", "S")))), "deviceId");
        assertFieldErrors(T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("size", "XS")), "orderId", "size");
        assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("orderId", "or_nothing", "size", "S")), 404);
        Customer me = customer();
        String placed = T.owner().post("/orders", map("storeId", S1, "channel", "pos", "fulfilment", "pickup", "memberId", me.memberId(),
                "lines", List.of(map("gtin", Catalog.stocked(T, S1), "qty", 1)))).json().get("orderId").asText();
        JsonNode p = assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("orderId", placed, "size", "S")), 409);
        assertEquals("locker.order_not_depositable", p.get("code").asText());
        String paid = paidPickup(me.memberId());
        assertEquals(201, T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("orderId", paid, "size", "S")).status());
        String another = paidPickup(me.memberId());
        assertEquals("locker.no_free_compartment",
                assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("orderId", another, "size", "S")), 409).get("code").asText());
        assertEquals("locker.order_already_deposited",
                assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/deposits", map("orderId", paid, "size", "S")), 409).get("code").asText());
        assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/compartments/99/clear-jam", null), 404);
        assertProblem(T.staff(S1).post(base + "/" + s.lockerId() + "/compartments/01/clear-jam", null), 409);
        assertProblem(T.staff(S1).post(base, map("deviceId", s.lockerId(), "compartments", List.of(map("size", "S")))), 403);
        assertProblem(me.api().get("/me/orders/" + another + "/pickup-code"), 404);
        assertProblem(customer().api().get("/me/orders/" + paid + "/pickup-code"), 404);
    }

    /** The store's locker_overdue alerts of the locker in a state (active: open or acknowledged). */
    private static List<JsonNode> overdueAlerts(String lockerId, String state) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode a : T.staff(S1).get("/alerts?storeId=" + S1 + "&state=" + state + "&limit=100").json().get("items")) {
            if ("locker_overdue".equals(a.get("rule").asText()) && lockerId.equals(a.get("deviceId").asText())) out.add(a);
        }
        return out;
    }

    private static JsonNode overdueAlert(String lockerId, String state) {
        List<JsonNode> found = overdueAlerts(lockerId, state);
        assertEquals(1, found.size(), () -> "overdue alerts: " + found);
        return found.get(0);
    }

    private static String wrong(String code) {
        char last = code.charAt(7);
        return code.substring(0, 7) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** Moves every deadline of the locker an hour into the past, underneath, as the tenant's session would. */
    private static void pastDeadline(String lockerId) throws Exception {
        try (TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(T.tenantId());
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("T#" + T.tenantId() + "#LOCKER"), "sk", AttributeValue.fromS(lockerId));
            Map<String, AttributeValue> item = new HashMap<>(db.getItem(b -> b.tableName(sessions.tableName()).key(key)).item());
            String past = Instant.now().minusSeconds(3600).toString();
            item.put("compartments", AttributeValue.fromS(item.get("compartments").s().replaceAll("\"deadline\":\"[^\"]+\"", "\"deadline\":\"" + past + "\"")));
            db.putItem(b -> b.tableName(sessions.tableName()).item(item));
        }
    }
}
