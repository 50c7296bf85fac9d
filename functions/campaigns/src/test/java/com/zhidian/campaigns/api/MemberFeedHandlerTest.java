package com.zhidian.campaigns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.campaigns.application.SummaryFeed;
import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.MemberSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The members' stream records as Lambda hands them (DynamodbEvent JSON) become the summary's facts, and nothing else does. */
class MemberFeedHandlerTest {
    final List<String> calls = new ArrayList<>();
    final MemberFeedHandler handler = new MemberFeedHandler(new SummaryFeed(new MemberSummaries() {
        @Override public void forEach(String t, Consumer<MemberSummary> each) {}
        @Override public void member(String t, String m, boolean active, String storeId, Instant createdAt, Integer month, boolean hasPhone) {
            calls.add("member " + t + " " + m + " " + active + " " + storeId + " " + createdAt + " " + month + " " + hasPhone);
        }
        @Override public void consent(String t, String m, String purpose, boolean granted, Instant at) {
            calls.add("consent " + t + " " + m + " " + purpose + " " + granted + " " + at);
        }
        @Override public void points(String t, String m, long balance) { calls.add("points " + t + " " + m + " " + balance); }
        @Override public void fill(String t, com.zhidian.campaigns.domain.AudienceMember m, boolean hasPhone) { calls.add("fill"); }
        @Override public void bindWeChat(String t, String m, String openId) { calls.add("wechat"); }
    }));

    static Map<String, Object> record(String event, String pk, String sk, Map<String, Object> image) {
        Map<String, Object> ddb = new java.util.HashMap<>();
        ddb.put("Keys", Map.of("pk", Map.of("S", pk), "sk", Map.of("S", sk)));
        if (image != null) ddb.put("NewImage", image);
        return Map.of("eventName", event, "dynamodb", ddb);
    }

    @Test
    void memberConsentAndPointsItems_setTheSummary_andARemovedMemberIsGone() {
        Map<String, Object> out = handler.handleRequest(Map.of("Records", List.of(
                record("INSERT", "T#tn_a#M#mb_1", "PROFILE", Map.of("status", Map.of("S", "active"), "storeId", Map.of("S", "st_1"),
                        "createdAt", Map.of("S", "2026-01-02T03:04:05Z"), "birthday", Map.of("S", "1990-07-15"), "phone", Map.of("S", "+8613800000001"))),
                record("INSERT", "T#tn_a#M#mb_1", "C#marketing_push", Map.of("granted", Map.of("BOOL", true), "at", Map.of("S", "2026-01-02T03:04:05Z"))),
                record("MODIFY", "T#tn_a#M#mb_1", "POINTS", Map.of("balance", Map.of("N", "120"))),
                record("MODIFY", "T#tn_a#M#mb_1", "PROFILE", Map.of("status", Map.of("S", "erased"), "createdAt", Map.of("S", "2026-01-02T03:04:05Z"))),
                record("REMOVE", "T#tn_a#M#mb_2", "PROFILE", null),
                // not the members' items: a ledger line, another context's partition
                record("INSERT", "T#tn_a#M#mb_1", "L#000000000001", Map.of()),
                record("INSERT", "T#tn_a#CPROFILES", "mb_1", Map.of()))), null);
        assertEquals(List.of(
                "member tn_a mb_1 true st_1 2026-01-02T03:04:05Z 7 true",
                "consent tn_a mb_1 marketing_push true 2026-01-02T03:04:05Z",
                "points tn_a mb_1 120",
                "member tn_a mb_1 false null 2026-01-02T03:04:05Z null false",
                "member tn_a mb_2 false null null null false"), calls);
        assertEquals(5, out.get("applied"));
    }
}
