package com.zhidian.apitests.office;

import static com.zhidian.apitests.office.OfficeFixture.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Announcements: the owner posts to stores and roles; staff see theirs unread and mark them read; the owner sees who read. */
class AnnouncementsApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");
    static final String STORE = T.storeIds().get(0);
    static final String STORE2 = T.storeIds().get(1);

    @Test
    void staffOfTheTargetedStoreReadIt_andTheOwnerSeesWhoReadAndWhoHasNot() {
        OfficeFixture.Staff reader = OfficeFixture.staff(T, "周收银", STORE);
        OfficeFixture.Staff slow = OfficeFixture.staff(T, "吴理货", STORE);
        OfficeFixture.Staff elsewhere = OfficeFixture.staff(T, "郑店员", STORE2);
        JsonNode a = ok(T.owner().post("/announcements", map("title", "本周六盘点", "body", "周六晚上 10 点闭店盘点，请准时到岗。",
                "storeIds", List.of(STORE))), 201);
        String id = a.get("announcementId").asText();
        assertEquals(List.of("staff"), List.of(a.get("roles").get(0).asText()));
        JsonNode mine = ok(reader.api().get("/announcements"), 200);
        assertTrue(mine.toString().contains(id));
        assertTrue(mine.get("unread").asInt() >= 1);
        int unread = mine.get("unread").asInt();
        assertFalse(ok(elsewhere.api().get("/announcements"), 200).toString().contains(id), "another store's staff do not see it");
        assertEquals("announcement.not_found", assertProblem(elsewhere.api().post("/announcements/" + id + "/read", null), 404).get("code").asText());

        JsonNode read = ok(reader.api().post("/announcements/" + id + "/read", null), 200);
        assertTrue(read.get("read").asBoolean());
        assertEquals(unread - 1, ok(reader.api().get("/announcements"), 200).get("unread").asInt(), "the badge goes down");
        ok(reader.api().post("/announcements/" + id + "/read", null), 200);

        JsonNode receipts = ok(T.owner().get("/announcements/" + id + "/receipts"), 200);
        assertEquals(1, receipts.get("readCount").asInt(), "read twice counts once");
        String readersJson = receipts.get("readers").toString();
        assertTrue(readersJson.contains(reader.userId()) && readersJson.contains(slow.userId()), readersJson);
        assertFalse(readersJson.contains(elsewhere.userId()), "not reached, not listed");
        for (JsonNode r : receipts.get("readers")) {
            if (r.get("userId").asText().equals(reader.userId())) assertFalse(r.get("readAt").isNull());
            if (r.get("userId").asText().equals(slow.userId())) assertTrue(r.get("readAt").isNull(), "who has not read it");
        }
        assertProblem(reader.api().get("/announcements/" + id + "/receipts"), 403);
        assertProblem(reader.api().post("/announcements", map("title", "x", "body", "y")), 403);
    }

    @Test
    void anAnnouncementToEveryStore_reachesAllStaff_andOnlyOwnersWhenSoTargeted() {
        OfficeFixture.Staff s2 = OfficeFixture.staff(T, "冯店员", STORE2);
        String all = OfficeFixture.announcement(T, "全员通知");
        assertTrue(ok(s2.api().get("/announcements"), 200).toString().contains(all));
        String owners = ok(T.owner().post("/announcements", map("title", "店长会议", "body", "周一开会", "roles", List.of("owner"))), 201)
                .get("announcementId").asText();
        assertFalse(ok(s2.api().get("/announcements"), 200).toString().contains(owners));
        assertTrue(ok(T.owner().get("/announcements"), 200).toString().contains(owners));
    }

    @Test
    void badInput_is400NamingEachField_andAnotherTenantsAre404() {
        assertFieldErrors(T.owner().post("/announcements", map()), "title", "body");
        assertFieldErrors(T.owner().post("/announcements", map("title", " ", "body", "b", "roles", List.of("boss"), "storeIds", List.of("a b"))),
                "title", "roles[0]", "storeIds[0]");
        assertFieldErrors(T.owner().post("/announcements", map("title", "t", "body", "b", "roles", List.of())), "roles");
        JsonNode p = assertProblem(T.owner().post("/announcements", map("title", "t", "body", "b", "storeIds", List.of(OTHER.storeIds().get(0)))), 400);
        assertEquals("announcement.unknown_stores", p.get("code").asText());
        assertFieldErrors(T.owner().post("/announcements", map("title", "t", "body", "b", "storeIds", List.of(OTHER.storeIds().get(0)))), "storeIds");
        assertProblem(T.owner().send("POST", "/announcements", "title=t", null, "text/plain"), 415);
        String id = OfficeFixture.announcement(T, "隔离公告");
        assertProblem(OTHER.owner().get("/announcements/" + id + "/receipts"), 404);
        assertProblem(OTHER.owner().post("/announcements/" + id + "/read", null), 404);
        assertFalse(ok(OTHER.owner().get("/announcements"), 200).toString().contains(id));
    }
}
