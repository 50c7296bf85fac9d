package com.zhidian.apitests.office;

import static com.zhidian.apitests.office.OfficeFixture.checkpoint;
import static com.zhidian.apitests.office.OfficeFixture.minutesAgo;
import static com.zhidian.apitests.office.OfficeFixture.ok;
import static com.zhidian.apitests.office.OfficeFixture.route;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The task list: fed by the other contexts' open things, each dropping off when it is done. */
class TasksApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");
    static final String STORE = T.storeIds().get(0);
    static final String STORE2 = T.storeIds().get(1);

    @Test
    void aDuePatrolRound_isATaskOfItsWalker_untilEveryCheckpointIsVisited() {
        OfficeFixture.Staff walker = OfficeFixture.staff(T, "陈巡更", STORE);
        OfficeFixture.Staff other = OfficeFixture.staff(T, "褚店员", STORE);
        JsonNode cp = checkpoint(T, STORE, "收货口");
        JsonNode r = route(T, STORE, List.of(cp.get("checkpointId").asText()), minutesAgo(0), 10, List.of(walker.userId()));
        JsonNode task = find(walker.api(), "patrol_round", r.get("name").asText());
        assertTrue(task != null, "the round is the walker's task");
        assertEquals(1, task.get("count").asInt());
        assertEquals("#/patrol/check-in", task.get("link").asText());
        assertEquals(null, find(other.api(), "patrol_round", r.get("name").asText()), "not another's");
        ok(walker.api().post("/patrol/check-ins", map("code", cp.get("qrCode").asText())), 200);
        assertEquals(null, find(walker.api(), "patrol_round", r.get("name").asText()), "done, dropped off");
    }

    @Test
    void aMissedCheckpoint_isATaskOfTheStoresStaff_untilResolved() {
        String alert = OfficeFixture.missedAlert(T, STORE);
        Api staff = T.staff(STORE);
        assertTrue(ids(staff, null).contains("patrol_alert:" + alert));
        assertFalse(ids(T.staff(STORE2), null).contains("patrol_alert:" + alert), "another store's staff");
        assertTrue(ids(T.owner(), STORE).contains("patrol_alert:" + alert), "the owner's, narrowed to the store");
        ok(staff.post("/patrol-alerts/" + alert + "/resolve", null), 200);
        assertFalse(ids(staff, null).contains("patrol_alert:" + alert), "resolved, dropped off");
    }

    @Test
    void aPaidPickupOrder_isAPickTask_untilItIsPickedUp() {
        String gtin = Catalog.stocked(T, STORE);
        Api cashier = T.staff(STORE);
        JsonNode order = ok(cashier.post("/orders", map("storeId", STORE, "channel", "pos", "fulfilment", "pickup",
                "lines", List.of(map("gtin", gtin, "qty", 1))), UUID.randomUUID().toString()), 201);
        String id = order.get("orderId").asText();
        assertFalse(ids(cashier, STORE).contains("pick:" + STORE), "not paid yet: nothing to pick");
        ok(cashier.post("/orders/" + id + "/payments", map("method", "cash", "tendered", order.get("total").asLong()), UUID.randomUUID().toString()), 200);
        JsonNode pick = find(cashier, "pick", null);
        assertTrue(pick != null, "a paid pickup order is to be picked");
        assertEquals("#/orders", pick.get("link").asText());
        for (String to : List.of("picking", "ready_for_pickup")) {
            ok(cashier.post("/orders/" + id + "/transitions", map("to", to), UUID.randomUUID().toString()), 200);
        }
        assertFalse(ids(cashier, STORE).contains("pick:" + STORE), "picked: dropped off");
    }

    @Test
    void tasksOfAnotherStoreOrTenant_areNotFound() {
        assertProblem(T.staff(STORE2).get("/tasks?storeId=" + STORE), 404);
        assertProblem(OTHER.owner().get("/tasks?storeId=" + STORE), 404);
        assertProblem(T.owner().get("/tasks?storeId=a%20b"), 400);
        assertEquals(0, ok(OTHER.owner().get("/tasks"), 200).get("items").size(), "a new tenant has nothing to do");
    }

    static List<String> ids(Api api, String storeId) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : ok(api.get("/tasks" + (storeId == null ? "" : "?storeId=" + storeId)), 200).get("items")) out.add(t.get("taskId").asText());
        return out;
    }

    static JsonNode find(Api api, String kind, String subject) {
        for (JsonNode t : ok(api.get("/tasks"), 200).get("items")) {
            if (kind.equals(t.get("kind").asText()) && (subject == null || subject.equals(t.get("subject").asText()))) return t;
        }
        return null;
    }
}
