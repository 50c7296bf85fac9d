package com.zhidian.members.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CardQrTest {
    private final CardQr qr = new CardQr("secret");
    private final Instant t = Instant.parse("2026-05-01T10:00:30Z");

    @Test
    void issued_verifiesToTheMember() {
        CardQr.Issued i = qr.issue("t_1", "mb_1", t);
        assertEquals(new CardQr.Scanned("t_1", "mb_1"), qr.verify(i.payload(), "t_1", t));
        assertEquals(new CardQr.Scanned("t_1", "mb_1"), qr.verify(i.payload(), "t_1", t.plusSeconds(60)));
        assertTrue(i.refreshAfterSeconds() > 0 && i.refreshAfterSeconds() <= 60);
    }

    @Test
    void payload_changesEveryWindow_andOldOnesExpire() {
        CardQr.Issued a = qr.issue("t_1", "mb_1", t);
        CardQr.Issued b = qr.issue("t_1", "mb_1", t.plusSeconds(60));
        assertNotEquals(a.payload(), b.payload());
        CardQr.Refused e = assertThrows(CardQr.Refused.class, () -> qr.verify(a.payload(), "t_1", t.plusSeconds(150)));
        assertEquals(CardQr.Refusal.EXPIRED, e.reason());
    }

    @Test
    void tampered_orForeignSecret_isForged() {
        String p = qr.issue("t_1", "mb_1", t).payload();
        String other = p.replace("mb_1", "mb_2");
        assertEquals(CardQr.Refusal.FORGED, assertThrows(CardQr.Refused.class, () -> qr.verify(other, "t_1", t)).reason());
        assertEquals(CardQr.Refusal.FORGED, assertThrows(CardQr.Refused.class, () -> new CardQr("x").verify(p, "t_1", t)).reason());
    }

    @Test
    void anotherTenantsCode_isNamedSo_beforeItsAge() {
        String p = qr.issue("t_2", "mb_1", t).payload();
        assertEquals(CardQr.Refusal.OTHER_TENANT, assertThrows(CardQr.Refused.class, () -> qr.verify(p, "t_1", t)).reason());
        assertEquals(CardQr.Refusal.OTHER_TENANT, assertThrows(CardQr.Refused.class, () -> qr.verify(p, "t_1", t.plusSeconds(3600))).reason());
    }

    @Test
    void garbage_isMalformed() {
        for (String s : new String[] {"", "zd1", "zd1.a.b.c", "zd2.a.b.1.x", "zd1.a.b.notanumber.x", null}) {
            assertEquals(CardQr.Refusal.MALFORMED, assertThrows(CardQr.Refused.class, () -> qr.verify(s, "t_1", t)).reason());
        }
    }
}
