package com.zhidian.members.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DomainRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void earning_roundsDownToWholeYuan() {
        PointsSettings s = new PointsSettings(1, 7, PointsSettings.Expiry.NEVER, 0);
        assertEquals(12, s.pointsFor(1299));
        assertEquals(0, s.pointsFor(99));
        assertEquals(0, s.pointsFor(0));
        assertEquals(25, new PointsSettings(2, 7, PointsSettings.Expiry.NEVER, 0).pointsFor(1250));
        assertThrows(IllegalArgumentException.class, () -> s.pointsFor(-1));
    }

    @Test
    void expiry_endOfFollowingYear_isInTenantZone() {
        PointsSettings s = PointsSettings.defaults();
        // credited 2026-12-31 20:00 Shanghai (12:00Z) belongs to 2026: expires at 2028-01-01 00:00 Shanghai
        assertEquals(Instant.parse("2027-12-31T16:00:00Z"), s.expiresAt(Instant.parse("2026-12-31T12:00:00Z"), SHANGHAI));
        // 2026-12-31T17:00Z is already 2027-01-01 in Shanghai
        assertEquals(Instant.parse("2028-12-31T16:00:00Z"), s.expiresAt(Instant.parse("2026-12-31T17:00:00Z"), SHANGHAI));
    }

    @Test
    void expiry_monthsAndNever() {
        assertEquals(Instant.parse("2026-09-10T02:00:00Z"),
                new PointsSettings(1, 0, PointsSettings.Expiry.MONTHS_AFTER_CREDIT, 6).expiresAt(T0, SHANGHAI));
        assertNull(new PointsSettings(1, 0, PointsSettings.Expiry.NEVER, 0).expiresAt(T0, SHANGHAI));
        assertThrows(IllegalArgumentException.class, () -> new PointsSettings(1, 0, PointsSettings.Expiry.MONTHS_AFTER_CREDIT, 0));
    }

    @Test
    void redeem_moreThanBalance_isRefused_withTheBalance() {
        PointsAccount a = withBalance(50);
        MembersErrors.NotEnoughPoints e = assertThrows(MembersErrors.NotEnoughPoints.class,
                () -> PointsRules.redeem(a, 51, "st_1", null, "r", "u", T0));
        assertEquals("points.not_enough", e.code());
        assertEquals(50, e.balance());
    }

    @Test
    void redeem_writesDebitEntryAndNextVersion() {
        PointsAccount a = withBalance(50);
        PointsChange c = PointsRules.redeem(a, 20, "st_1", "or_1", "gift", "staff1", T0);
        assertEquals(30, c.after().balance());
        assertEquals(a.version() + 1, c.after().version());
        assertEquals(c.after().version(), c.entry().seq());
        assertEquals(-20, c.entry().delta());
        assertEquals(30, c.entry().balanceAfter());
        assertEquals(a.version(), c.expectedVersion());
    }

    @Test
    void adjust_positiveMakesLot_negativeSpendsOldestFirst() {
        PointsAccount a = PointsAccount.opened("t", "m");
        PointsChange up = PointsRules.adjust(a, 30, "welcome", null, "owner", T0, T0.plus(Duration.ofDays(10)));
        assertEquals(new Lot(30, 30, T0, T0.plus(Duration.ofDays(10))), up.lot());
        PointsChange down = PointsRules.adjust(up.after(), -10, "fix", null, "owner", T0, null);
        assertEquals(10, down.after().consumed());
        assertNull(down.lot());
        assertThrows(MembersErrors.NotEnoughPoints.class, () -> PointsRules.adjust(down.after(), -21, "x", null, "o", T0, null));
        assertThrows(IllegalArgumentException.class, () -> PointsRules.adjust(down.after(), 0, "x", null, "o", T0, null));
    }

    @Test
    void giveBack_isSpentPointsReturned_withTheOrder_andNotEarned() {
        PointsAccount a = PointsRules.adjust(PointsAccount.opened("t", "m"), 100, "gift", null, "owner", T0, null).after();
        PointsAccount spent = PointsRules.redeem(a, 60, "st_1", "or_1", "order or_1", "system", T0).after();
        PointsChange back = PointsRules.giveBack(spent, 25, "or_1", "st_1", "refund rf_1", T0, T0.plus(Duration.ofDays(10)));
        assertEquals(LedgerEntry.REDEEM_RETURNED, back.entry().kind());
        assertEquals("or_1", back.entry().orderId());
        assertEquals(65, back.after().balance());
        assertEquals(100, back.after().lifetimeEarned(), "returned points are not earned again");
        assertEquals(new Lot(back.after().credited(), 25, T0, T0.plus(Duration.ofDays(10))), back.lot());
        assertThrows(IllegalArgumentException.class, () -> PointsRules.giveBack(spent, 0, "or_1", "st_1", "x", T0, null));
    }

    @Test
    void expire_takesOnlyWhatIsLeftOfDueLots() {
        PointsAccount a = PointsAccount.opened("t", "m");
        a = PointsRules.adjust(a, 30, "lot1", null, "o", T0, T0).after();      // positions 1..30
        a = PointsRules.adjust(a, 20, "lot2", null, "o", T0, null).after();    // positions 31..50
        a = PointsRules.redeem(a, 25, "s", null, "r", "u", T0).after();        // consumed 25: lot1 has 5 left
        PointsChange c = PointsRules.expire(a, 30, T0);
        assertEquals(-5, c.entry().delta());
        assertEquals(20, c.after().balance());
        assertNull(PointsRules.expire(c.after(), 30, T0), "expiring twice changes nothing");
    }

    @Test
    void earnThenReleaseOrCancel() {
        PointsSettings s = PointsSettings.defaults();
        PointsAccount a = PointsAccount.opened("t", "m");
        PointsChange earn = PointsRules.earn(a, s, "or_1", "st_1", 10_050, T0);
        assertEquals(100, earn.after().pending());
        assertEquals(0, earn.after().balance());
        assertEquals(T0.plus(Duration.ofDays(7)), earn.pendingCreated().availableAt());
        PointsChange rel = PointsRules.release(earn.after(), earn.pendingCreated(), T0, null);
        assertEquals(100, rel.after().balance());
        assertEquals(0, rel.after().pending());
        assertEquals(100, rel.after().lifetimeEarned());
        assertEquals(PendingPoints.RELEASED, rel.pendingSettled().state());
        PointsChange cancel = PointsRules.cancel(earn.after(), earn.pendingCreated(), "returned", T0);
        assertEquals(0, cancel.after().pending());
        assertEquals(0, cancel.after().balance());
        assertNull(PointsRules.earn(a, s, "or_2", "st_1", 99, T0), "less than a yuan earns nothing");
    }

    @Test
    void closedAccount_refusesChanges() {
        PointsAccount a = withBalance(10).closed();
        assertThrows(MembersErrors.MemberErased.class, () -> PointsRules.redeem(a, 1, "s", null, "r", "u", T0));
    }

    @Test
    void account_invariantIsEnforced() {
        assertThrows(IllegalStateException.class, () -> new PointsAccount("t", "m", 5, 0, 0, 4, 0, 0, true));
        assertThrows(IllegalStateException.class, () -> new PointsAccount("t", "m", -1, 0, 0, 0, 1, 0, true));
    }

    @Test
    void phones_areNormalised() {
        assertEquals("13800138000", Phones.normalise("+8613800138000"));
        assertEquals("13800138000", Phones.normalise("8613800138000"));
        assertEquals("13800138000", Phones.normalise("138 0013 8000"));
        assertEquals("13800138000", Phones.normalise(" +86 138-0013-8000 "));
        assertNull(Phones.normalise("+86 12800138000"));
        assertNull(Phones.normalise("+8613800138000 x"));
        assertNull(Phones.normalise("12800138000"));
        assertNull(Phones.normalise("1380013800"));
        assertNull(Phones.normalise("abc"));
        assertEquals("138****8000", Phones.masked("13800138000"));
    }

    @Test
    void cardNumbers_carryALuhnDigit() {
        for (int i = 0; i < 200; i++) assertTrue(CardNumbers.isValid(CardNumbers.next()));
        String c = CardNumbers.next();
        char last = c.charAt(15);
        String typo = c.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
        assertFalse(CardNumbers.isValid(typo));
        assertFalse(CardNumbers.isValid("12345"));
    }

    private static PointsAccount withBalance(long n) {
        return PointsRules.adjust(PointsAccount.opened("t", "m"), n, "seed", null, "o", T0, null).after();
    }
}
