package com.zhidian.campaigns.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.application.SummaryBackfill;
import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.MemberSummary;
import com.zhidian.core.testing.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backfill against the DynamoDB stand-in: members the stream never told about get a summary, what the stream did
 * tell is never overwritten (a backfill racing the stream keeps the newer answer), and a second run changes nothing.
 */
class SummaryBackfillStoreTest {
    final DynamoSegmentRepository summaries = new DynamoSegmentRepository(TestTables.client());
    final String tenant = "tn_backfill" + Long.toString(System.nanoTime(), 36);
    static final Instant JOINED = Instant.parse("2025-03-01T02:00:00Z");

    /** Members as the members' use case reads them now, one page of two and one of one. */
    final List<AudienceMember> members = List.of(
            new AudienceMember("mb_old1", true, "st_a", JOINED, 5, 120, true, true, false),
            new AudienceMember("mb_old2", true, "st_b", JOINED, null, 0, false, false, true),
            new AudienceMember("mb_told", true, "st_a", JOINED, null, 40, true, true, false));
    final Audience audience = new Audience() {
        @Override public Slice page(String tenantId, int limit, String cursor) {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(members.size(), from + limit);
            return new Slice(members.subList(from, to), to < members.size() ? Integer.toString(to) : null);
        }
        @Override public Optional<AudienceMember> member(String tenantId, String memberId) { return Optional.empty(); }
        @Override public void unsubscribe(String tenantId, String memberId) {}
    };

    Map<String, MemberSummary> all() {
        Map<String, MemberSummary> out = new HashMap<>();
        summaries.forEach(tenant, s -> out.put(s.member() == null ? "?" : s.member().memberId(), s));
        return out;
    }

    @Test
    void membersBeforeTheFeed_getSummaries_theStreamsNewerAnswersStay_andASecondRunChangesNothing() {
        // the stream told campaigns about mb_told after the backfill read it: withdrawn, 55 points
        summaries.member(tenant, "mb_told", true, "st_a", JOINED, null, true);
        summaries.consent(tenant, "mb_told", "marketing_push", false, Instant.parse("2026-12-01T00:00:00Z"));
        summaries.points(tenant, "mb_told", 55);
        assertEquals(1, all().size());

        SummaryBackfill backfill = new SummaryBackfill(audience, summaries);
        List<Integer> pages = new ArrayList<>();
        String cursor = null;
        do {
            SummaryBackfill.Result r = backfill.page(tenant, 2, cursor);
            pages.add(r.examined());
            cursor = r.nextCursor();
        } while (cursor != null);
        assertEquals(List.of(2, 1), pages);

        Map<String, MemberSummary> after = all();
        assertEquals(3, after.size());
        AudienceMember old1 = after.get("mb_old1").member();
        assertTrue(old1.active());
        assertEquals("st_a", old1.storeId());
        assertEquals(JOINED, old1.createdAt());
        assertEquals(5, old1.birthdayMonth());
        assertEquals(120, old1.pointsBalance());
        assertTrue(old1.marketingPush());
        assertTrue(old1.marketingPushAnswered());
        assertTrue(after.get("mb_old1").hasPhone());
        AudienceMember old2 = after.get("mb_old2").member();
        assertFalse(old2.marketingPush());
        assertFalse(old2.marketingPushAnswered(), "never asked stays never asked (no_grant, not withdrawn)");
        assertTrue(old2.personalization());
        assertNull(old2.birthdayMonth());
        AudienceMember told = after.get("mb_told").member();
        assertFalse(told.marketingPush(), "the stream's withdrawal stays");
        assertEquals(55, told.pointsBalance(), "the stream's balance stays");

        backfill.page(tenant, 200, null);
        assertEquals(after.toString(), all().toString(), "a second run changes nothing");
    }
}
