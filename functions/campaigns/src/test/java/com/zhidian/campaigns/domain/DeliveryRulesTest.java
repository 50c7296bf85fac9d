package com.zhidian.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void quietHours_runFrom21To08_inTheTenantsZone() {
        assertNull(DeliveryRules.quietEnd(Instant.parse("2026-03-02T12:59:59Z"), SHANGHAI)); // 20:59:59
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), DeliveryRules.quietEnd(Instant.parse("2026-03-02T13:00:00Z"), SHANGHAI));
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), DeliveryRules.quietEnd(Instant.parse("2026-03-02T19:00:00Z"), SHANGHAI)); // 03:00
        assertNull(DeliveryRules.quietEnd(Instant.parse("2026-03-03T00:00:00Z"), SHANGHAI)); // 08:00 sharp
        // the same instant is daytime in Berlin
        assertNull(DeliveryRules.quietEnd(Instant.parse("2026-03-02T14:00:00Z"), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void reasons_comeInTheirOrder() {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        Campaign c = new Campaign("t", "cp1", "t", "b", Campaign.IN_APP, "sg", null, null, 0, Campaign.SENDING, now, now, 0);
        AudienceMember erased = new AudienceMember("m", false, null, now, null, 0, false, true, false);
        AudienceMember never = new AudienceMember("m", true, null, now, null, 0, false, false, false);
        AudienceMember withdrawn = new AudienceMember("m", true, null, now, null, 0, false, true, false);
        AudienceMember ok = new AudienceMember("m", true, null, now, null, 0, true, true, false);
        assertEquals(Delivery.ERASED, DeliveryRules.decide(erased, c, now, SHANGHAI, List.of()).reason());
        assertEquals(Delivery.ERASED, DeliveryRules.decide(null, c, now, SHANGHAI, List.of()).reason());
        assertEquals(Delivery.NO_GRANT, DeliveryRules.decide(never, c, now, SHANGHAI, List.of()).reason());
        assertEquals(Delivery.WITHDRAWN, DeliveryRules.decide(withdrawn, c, now, SHANGHAI, List.of()).reason());
        List<Instant> two = List.of(now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(1)));
        assertEquals(Delivery.FREQUENCY_CAP, DeliveryRules.decide(ok, c, now, SHANGHAI, two).reason());
        List<Instant> old = List.of(now.minus(Duration.ofDays(8)), now.minus(Duration.ofHours(1)));
        assertNull(DeliveryRules.decide(ok, c, now, SHANGHAI, old).reason());
    }
}
