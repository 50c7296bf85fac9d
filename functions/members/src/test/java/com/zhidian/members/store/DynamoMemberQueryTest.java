package com.zhidian.members.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zhidian.core.Ids;
import com.zhidian.core.testing.TestTables;
import com.zhidian.members.application.MemberFinder;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MemberQuery;
import com.zhidian.members.fakes.FakeLogins;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The filter walk other contexts use (coupons issue to a filter): store, points range, joined since, erased, paging. */
class DynamoMemberQueryTest {
    private final DynamoDbClient db = TestTables.client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private final DynamoPointsRepository pointsRepo = new DynamoPointsRepository(db);
    private final PointsService points = new PointsService(pointsRepo, new FakeSettings(), clock);
    private final MemberService members = new MemberService(new DynamoMemberRepository(db, new com.zhidian.core.tenancy.Usage(db, clock)),
            pointsRepo, points, new FakeLogins(), clock);
    private final MemberFinder finder = new MemberFinder(new DynamoMemberQuery(db));
    private final String tenant = Ids.next("t");
    private final String other = Ids.next("t");
    private int phones;

    private String join(String t, String store) {
        clock.advance(Duration.ofMinutes(1));
        Member m = members.join(t, new MemberService.NewMember("1370000" + String.format("%04d", ++phones), "钱七", null, store,
                Map.<Consent.Purpose, Boolean>of(), Consent.Channel.POS, "staff")).member();
        return m.memberId();
    }

    private List<String> all(MemberQuery.Filter f, int examine) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        int examined = 0;
        do {
            MemberQuery.Step s = finder.match(tenant, f, examine, cursor);
            s.matches().forEach(m -> out.add(m.memberId() + (m.active() ? "" : "(erased)")));
            examined += s.examined();
            cursor = s.nextCursor();
        } while (cursor != null);
        assertEquals(finder.candidates(tenant, f), examined, "a walk looks at every candidate once");
        return out;
    }

    @Test
    void theFilterPicksStorePointsAndJoinDate_newestFirst_erasedIncluded_otherTenantsNever() {
        String old = join(tenant, "st_1");
        Instant since = clock.instant().plusSeconds(1);
        String a = join(tenant, "st_1");
        String b = join(tenant, "st_2");
        String c = join(tenant, "st_1");
        String gone = join(tenant, "st_1");
        join(other, "st_1");
        points.adjust(tenant, c, 300, "seed", null, "owner");
        members.erase(tenant, gone, (m, consents) -> "{}");

        assertEquals(List.of(gone + "(erased)", c, b, a, old), all(new MemberQuery.Filter(null, null, null, null), 2));
        assertEquals(List.of(gone + "(erased)", c, a), all(new MemberQuery.Filter("st_1", null, null, since), 1));
        assertEquals(List.of(c), all(new MemberQuery.Filter(null, 100L, null, null), 3));
        assertEquals(List.of(gone + "(erased)", b, a, old), all(new MemberQuery.Filter(null, null, 299L, null), 50));
        assertEquals(4, finder.candidates(tenant, new MemberQuery.Filter("st_9", null, null, since)));
        assertEquals(List.of(), all(new MemberQuery.Filter("st_9", null, null, null), 50));

        Map<String, String> statuses = finder.statuses(tenant, List.of(a, gone, "mb_nobody"));
        assertEquals("active", statuses.get(a));
        assertEquals("erased", statuses.get(gone));
        assertFalse(statuses.containsKey("mb_nobody"));
        assertNull(finder.statuses(other, List.of(a)).get(a), "another tenant's member is no member here");
    }
}
