package com.zhidian.members.store;

import com.zhidian.core.testing.TestTables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Ids;
import com.zhidian.core.errors.ApiException;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.fakes.FakeLogins;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.MutableClock;
import com.zhidian.members.jobs.PointsExpiryJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB adapters against the DynamoDB stand-in: transactions, conditions, keys, the due index. */
class DynamoStoresTest {
    private final DynamoDbClient db = TestTables.client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private final DynamoPointsRepository pointsRepo = new DynamoPointsRepository(db);
    private final DynamoMemberRepository memberRepo = new DynamoMemberRepository(db, new com.zhidian.core.tenancy.Usage(db, clock));
    private final FakeSettings settings = new FakeSettings();
    private final PointsService points = new PointsService(pointsRepo, settings, clock);
    private final FakeLogins logins = new FakeLogins();
    private final MemberService members = new MemberService(memberRepo, pointsRepo, points, logins, clock);
    private final String tenant = Ids.next("t");

    private static final MemberService.ErasedView VIEW = (m, consents) -> "{\"status\":\"" + m.status() + "\"}";

    private Member join(String phone, Map<Consent.Purpose, Boolean> consents) {
        return members.join(tenant, new MemberService.NewMember(phone, "赵六", null, "st_1", consents, Consent.Channel.POS, "staff")).member();
    }

    @Test
    void join_writesEverythingOnce_phoneIsUnique_andUndoLeavesNothing() {
        Member m = join("13700000001", Map.of(Consent.Purpose.MARKETING_PUSH, true));
        assertEquals(m, memberRepo.get(tenant, m.memberId()).orElseThrow());
        assertEquals(m.memberId(), memberRepo.idByPhone(tenant, "13700000001").orElseThrow());
        assertTrue(memberRepo.consents(tenant, m.memberId()).get(0).granted());
        assertEquals(1, memberRepo.consentHistory(tenant, m.memberId(), 10, null).items().size());
        assertThrows(MembersErrors.PhoneTaken.class, () -> join("13700000001", Map.of()));
        assertEquals(1, memberRepo.list(tenant, 50, null).items().size());

        logins.failNext = true;
        assertThrows(ApiException.class, () -> join("13700000002", Map.of(Consent.Purpose.PERSONALIZATION, false)));
        assertTrue(memberRepo.idByPhone(tenant, "13700000002").isEmpty());
        assertEquals(1, memberRepo.list(tenant, 50, null).items().size(), "the failed member left nothing behind");
        join("13700000002", Map.of());
        assertEquals(2L, new com.zhidian.core.tenancy.Usage(db, clock).month(tenant, java.time.YearMonth.of(2026, 3)).get("members"),
                "the monthly members count moves with the joins, the undone one included and taken back");
    }

    @Test
    void concurrentRedeems_neverOverspend() throws Exception {
        Member m = join("13700000003", Map.of());
        points.adjust(tenant, m.memberId(), 100, "seed", null, "owner");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> rs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rs.add(pool.submit(() -> {
                go.await();
                try {
                    points.redeem(tenant, m.memberId(), 10, "st_1", null, "gift", "staff");
                    return true;
                } catch (MembersErrors.NotEnoughPoints e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<Boolean> f : rs) if (f.get()) ok++;
        pool.shutdown();
        assertEquals(10, ok);
        assertEquals(0, pointsRepo.account(tenant, m.memberId()).orElseThrow().balance());
        assertEquals(11, pointsRepo.ledger(tenant, m.memberId(), 200, null).items().size());
    }

    @Test
    void earn_release_expire_byTheScheduledJob() {
        settings.savePoints(tenant, new PointsSettings(2, 7, PointsSettings.Expiry.MONTHS_AFTER_CREDIT, 1));
        Member m = join("13700000004", Map.of());
        PointsService.Earned e = points.earn(tenant, m.memberId(), "or_1", "st_1", 5_050);
        assertEquals(101, e.points());
        assertTrue(points.earn(tenant, m.memberId(), "or_1", "st_1", 5_050).duplicate());
        assertEquals(PendingPoints.OPEN, pointsRepo.pending(tenant, m.memberId(), "or_1").orElseThrow().state());
        PointsExpiryJob job = new PointsExpiryJob(points);

        clock.advance(Duration.ofDays(7));
        job.handleRequest(null, null);
        assertEquals(101, points.view(tenant, m.memberId()).balance());
        assertEquals(PendingPoints.RELEASED, pointsRepo.pending(tenant, m.memberId(), "or_1").orElseThrow().state());
        points.redeem(tenant, m.memberId(), 1, "st_1", null, "gift", "staff");

        clock.advance(Duration.ofDays(32));
        Map<String, Object> r = job.handleRequest(null, null);
        assertEquals(100L, r.get("pointsExpired"));
        assertEquals(0, points.view(tenant, m.memberId()).balance());
        LedgerEntry last = pointsRepo.ledger(tenant, m.memberId(), 1, null).items().get(0);
        assertEquals(LedgerEntry.EXPIRE, last.kind());
        assertEquals(0L, job.handleRequest(null, null).get("pointsExpired"), "a second run changes nothing");
    }

    @Test
    void erase_anonymisesAndClosesPoints_keepsTheLedger() {
        Member m = join("13700000005", Map.of(Consent.Purpose.MARKETING_PUSH, true));
        points.adjust(tenant, m.memberId(), 40, "seed", null, "owner");
        members.erase(tenant, m.memberId(), VIEW);
        Member e = memberRepo.get(tenant, m.memberId()).orElseThrow();
        assertEquals(Member.ERASED, e.status());
        assertNull(e.phone());
        assertTrue(memberRepo.idByPhone(tenant, "13700000005").isEmpty());
        assertFalse(memberRepo.consents(tenant, m.memberId()).get(0).granted());
        assertFalse(pointsRepo.account(tenant, m.memberId()).orElseThrow().active());
        assertEquals(40, pointsRepo.account(tenant, m.memberId()).orElseThrow().balance());
        assertEquals(1, pointsRepo.ledger(tenant, m.memberId(), 10, null).items().size());
        assertThrows(MembersErrors.MemberErased.class, () -> points.redeem(tenant, m.memberId(), 1, "st_1", null, "x", "s"));
    }

    @Test
    void erase_overwritesTheRememberedStoredAnswer_andCreatesNoneThatIsGone() {
        String kept = com.zhidian.core.idempotency.Idempotency.recordPk("T#" + tenant + "#U#sub-1", "k-kept");
        String gone = com.zhidian.core.idempotency.Idempotency.recordPk("T#" + tenant + "#U#sub-1", "k-gone");
        Member m = members.join(tenant, new MemberService.NewMember("13700000008", "钱八", "1970-07-07", "st_1", Map.of(),
                Consent.Channel.POS, "staff"), kept).member();
        members.rememberAnswer(tenant, m.memberId(), gone);
        db.putItem(b -> b.tableName(com.zhidian.core.Env.tableName()).item(Map.of("pk", s(kept), "sk", s(com.zhidian.core.idempotency.Idempotency.RECORD_SK),
                "state", s("COMPLETED"), "body", s("{\"phone\":\"13700000008\"}"))));
        assertEquals(List.of(kept, gone).stream().sorted().toList(), memberRepo.answerKeys(tenant, m.memberId()).stream().sorted().toList());

        members.erase(tenant, m.memberId(), VIEW);
        var stored = db.getItem(b -> b.tableName(com.zhidian.core.Env.tableName()).key(Map.of("pk", s(kept), "sk", s(com.zhidian.core.idempotency.Idempotency.RECORD_SK)))
                .consistentRead(true)).item();
        assertEquals("{\"status\":\"erased\"}", stored.get("body").s());
        assertEquals("COMPLETED", stored.get("state").s(), "only the body changes");
        assertTrue(db.getItem(b -> b.tableName(com.zhidian.core.Env.tableName()).key(Map.of("pk", s(gone), "sk", s(com.zhidian.core.idempotency.Idempotency.RECORD_SK)))
                .consistentRead(true)).item().isEmpty(), "a stored answer that is gone is not written back");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String v) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v);
    }

    @Test
    void update_setsOnlyTheGivenFields_andNeverAnErasedMember() {
        Member m = join("13700000007", Map.of());
        java.util.HashMap<String, String> name = new java.util.HashMap<>();
        name.put("name", "孙七");
        java.util.HashMap<String, String> birthday = new java.util.HashMap<>();
        birthday.put("birthday", "1960-01-01");
        memberRepo.update(tenant, m.memberId(), name, clock.instant());
        Member after = memberRepo.update(tenant, m.memberId(), birthday, clock.instant()).orElseThrow();
        assertEquals("孙七", after.name());
        assertEquals("1960-01-01", after.birthday());
        java.util.HashMap<String, String> clear = new java.util.HashMap<>();
        clear.put("name", null);
        assertNull(memberRepo.update(tenant, m.memberId(), clear, clock.instant()).orElseThrow().name());
        members.erase(tenant, m.memberId(), VIEW);
        assertTrue(memberRepo.update(tenant, m.memberId(), name, clock.instant()).isEmpty());
        assertNull(memberRepo.get(tenant, m.memberId()).orElseThrow().name());
    }

    @Test
    void anotherTenant_seesNothing() {
        Member m = join("13700000006", Map.of());
        assertTrue(memberRepo.get("t_other", m.memberId()).isEmpty());
        assertTrue(pointsRepo.account("t_other", m.memberId()).isEmpty());
        assertTrue(memberRepo.idByPhone("t_other", "13700000006").isEmpty());
    }
}
