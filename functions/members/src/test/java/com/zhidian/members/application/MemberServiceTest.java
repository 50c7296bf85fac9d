package com.zhidian.members.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.errors.ApiException;
import com.zhidian.members.domain.CardNumbers;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.fakes.FakeLogins;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.InMemoryMembers;
import com.zhidian.members.fakes.InMemoryPoints;
import com.zhidian.members.fakes.MutableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private final InMemoryPoints pointsRepo = new InMemoryPoints();
    private final InMemoryMembers repo = new InMemoryMembers(pointsRepo);
    private final FakeLogins logins = new FakeLogins();
    private final PointsService points = new PointsService(pointsRepo, new FakeSettings(), clock);
    private final MemberService svc = new MemberService(repo, pointsRepo, points, logins, clock);

    /** A stand-in for the HTTP view of an erased member. */
    private static final MemberService.ErasedView VIEW = (m, consents) -> m.status() + ":" + m.phone() + ":" + consents.size();

    private MemberService.Joined join(String tenant, String phone, Map<Consent.Purpose, Boolean> consents) {
        return svc.join(tenant, new MemberService.NewMember(phone, "王芳", "1980-02-03", "st_1", consents, Consent.Channel.POS, "staff"));
    }

    @Test
    void join_createsMemberCardLoginAndEmptyPoints_withoutAnyConsent() {
        MemberService.Joined j = join("t_1", "13800138000", Map.of());
        Member m = j.member();
        assertTrue(CardNumbers.isValid(m.cardNo()));
        assertEquals("13800138000", m.phone());
        assertEquals(m.memberId(), logins.users.get("t_1#13800138000"));
        assertEquals(0, points.view("t_1", m.memberId()).balance());
        assertTrue(j.consents().stream().noneMatch(Consent.State::granted), "joining never requires consent");
    }

    @Test
    void samePhone_sameTenant_isTaken_otherTenant_isFine() {
        join("t_1", "13800138000", Map.of());
        assertThrows(MembersErrors.PhoneTaken.class, () -> join("t_1", "13800138000", Map.of()));
        join("t_2", "13800138000", Map.of());
    }

    @Test
    void loginFailure_leavesNothingBehind() {
        logins.failNext = true;
        assertThrows(ApiException.class, () -> join("t_1", "13800138000", Map.of()));
        assertEquals(0, repo.count());
        assertTrue(repo.idByPhone("t_1", "13800138000").isEmpty());
        join("t_1", "13800138000", Map.of());
        assertEquals(1, repo.count());
    }

    @Test
    void consents_recordEveryChangeWithChannelAndVersion() {
        Member m = join("t_1", "13800138000", Map.of(Consent.Purpose.MARKETING_PUSH, true)).member();
        svc.setConsent("t_1", m.memberId(), Consent.Purpose.MARKETING_PUSH, true, Consent.Channel.H5, null, "customer");
        svc.setConsent("t_1", m.memberId(), Consent.Purpose.MARKETING_PUSH, false, Consent.Channel.H5, null, "customer");
        svc.setConsent("t_1", m.memberId(), Consent.Purpose.PERSONALIZATION, true, Consent.Channel.MINI_PROGRAM, "2026-02", "customer");
        var history = svc.consentHistory("t_1", m.memberId(), 50, null).items();
        assertEquals(3, history.size(), "an unchanged answer is not a change");
        assertEquals(Consent.Channel.MINI_PROGRAM, history.get(0).channel());
        assertEquals("2026-02", history.get(0).textVersion());
        assertEquals(Consent.Channel.POS, history.get(2).channel());
        assertFalse(svc.consents("t_1", m.memberId()).get(0).granted());
    }

    @Test
    void erase_anonymises_keepsLedgerSums_freesPhone_removesLogin() {
        Member m = join("t_1", "13800138000", Map.of(Consent.Purpose.MARKETING_PUSH, true)).member();
        points.adjust("t_1", m.memberId(), 80, "seed", null, "owner");
        points.redeem("t_1", m.memberId(), 30, "st_1", null, "gift", "staff");
        svc.erase("t_1", m.memberId(), VIEW);
        Member e = svc.get("t_1", m.memberId());
        assertEquals(Member.ERASED, e.status());
        assertNull(e.phone());
        assertNull(e.name());
        assertNull(e.birthday());
        assertFalse(logins.users.containsKey("t_1#13800138000"));
        assertEquals(50, points.view("t_1", m.memberId()).balance());
        assertEquals(50, pointsRepo.allEntries("t_1", m.memberId()).stream().mapToLong(LedgerEntry::delta).sum());
        assertTrue(svc.consents("t_1", m.memberId()).stream().noneMatch(Consent.State::granted));
        assertThrows(MembersErrors.MemberNotFound.class, () -> svc.self("t_1", m.memberId()));
        assertThrows(MembersErrors.MemberErased.class,
                () -> points.redeem("t_1", m.memberId(), 1, "st_1", null, "x", "staff"));
        svc.erase("t_1", m.memberId(), VIEW);
        join("t_1", "13800138000", Map.of());
    }

    @Test
    void erase_whenTheLoginCannotBeRemoved_failsAndChangesNothing() {
        Member m = join("t_1", "13800138000", Map.of(Consent.Purpose.MARKETING_PUSH, true)).member();
        logins.failDeletes = true;
        assertThrows(IllegalStateException.class, () -> svc.erase("t_1", m.memberId(), VIEW));
        assertEquals(m, svc.get("t_1", m.memberId()), "the member is untouched");
        assertTrue(svc.consents("t_1", m.memberId()).get(0).granted());
        assertEquals(m.memberId(), logins.users.get("t_1#13800138000"));

        logins.failDeletes = false;
        svc.erase("t_1", m.memberId(), VIEW);
        assertEquals(Member.ERASED, svc.get("t_1", m.memberId()).status());
        assertFalse(logins.users.containsKey("t_1#13800138000"));
    }

    @Test
    void erase_whenTheAnonymisingFailsAfterTheLoginWent_isFinishedByRepeatingIt() {
        Member m = join("t_1", "13800138000", Map.of()).member();
        repo.failNextErase = true;
        assertThrows(IllegalStateException.class, () -> svc.erase("t_1", m.memberId(), VIEW));
        assertTrue(svc.get("t_1", m.memberId()).active(), "the member is untouched");
        assertFalse(logins.users.containsKey("t_1#13800138000"), "the login went first");

        svc.erase("t_1", m.memberId(), VIEW);
        assertEquals(Member.ERASED, svc.get("t_1", m.memberId()).status());
        assertTrue(repo.idByPhone("t_1", "13800138000").isEmpty());
    }

    @Test
    void erase_overwritesEveryRememberedStoredAnswer_andARepeatFinishesAFailedOverwrite() {
        Member m = svc.join("t_1", new MemberService.NewMember("13800138000", "王芳", null, "st_1", Map.of(),
                Consent.Channel.POS, "staff"), "T#t_1#U#u1#IDEM#k1").member();
        svc.rememberAnswer("t_1", m.memberId(), "T#t_1#U#u2#IDEM#k2");
        repo.storedAnswers.put("T#t_1#U#u1#IDEM#k1", "13800138000 王芳");
        repo.storedAnswers.put("T#t_1#U#u2#IDEM#k2", "13800138000 王芳");
        repo.failOverwrites = true;
        assertThrows(IllegalStateException.class, () -> svc.erase("t_1", m.memberId(), VIEW));
        assertEquals(Member.ERASED, svc.get("t_1", m.memberId()).status());

        repo.failOverwrites = false;
        svc.erase("t_1", m.memberId(), VIEW);
        assertEquals(Map.of("T#t_1#U#u1#IDEM#k1", "erased:null:2", "T#t_1#U#u2#IDEM#k2", "erased:null:2"), repo.storedAnswers);
    }

    @Test
    void join_whoseLoginFails_forgetsItsRememberedAnswer() {
        logins.failNext = true;
        assertThrows(ApiException.class, () -> svc.join("t_1", new MemberService.NewMember("13800138000", null, null, "st_1",
                Map.of(), Consent.Channel.POS, "staff"), "T#t_1#U#u1#IDEM#k1"));
        assertEquals(0, repo.count());
        Member m = join("t_1", "13800138000", Map.of()).member();
        assertTrue(repo.answerKeys("t_1", m.memberId()).isEmpty());
    }

    @Test
    void export_holdsProfileLedgerAndConsents() {
        Member m = join("t_1", "13800138000", Map.of(Consent.Purpose.PERSONALIZATION, true)).member();
        points.adjust("t_1", m.memberId(), 10, "seed", null, "owner");
        points.earn("t_1", m.memberId(), "or_1", "st_1", 2_000);
        MemberService.Export x = svc.export("t_1", m.memberId());
        assertEquals(m, x.member());
        assertEquals(2, x.ledger().size());
        assertEquals(1, x.pendingPoints().size());
        assertEquals(1, x.consentHistory().size());
        assertEquals(10, x.points().balance());
    }

    @Test
    void update_changesOnlyGivenFields() {
        Member m = join("t_1", "13800138000", Map.of()).member();
        java.util.HashMap<String, String> ch = new java.util.HashMap<>();
        ch.put("birthday", null);
        Member u = svc.update("t_1", m.memberId(), ch);
        assertEquals("王芳", u.name());
        assertNull(u.birthday());
    }
}
