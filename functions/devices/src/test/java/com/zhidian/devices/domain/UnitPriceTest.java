package com.zhidian.devices.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitPriceTest {
    private static UnitPrice of(long fen, String spec) {
        return UnitPrice.of(fen, spec).orElseThrow(() -> new AssertionError("no unit price for " + spec));
    }

    @Test
    void volumesArePricedPer100ml_roundedHalfUpToTheFen() {
        assertEquals(new UnitPrice(55, "100ml"), of(300, "550ml"));      // 54.5 → 55
        assertEquals(new UnitPrice(100, "100ml"), of(500, "500毫升"));
        assertEquals(new UnitPrice(53, "100ml"), of(800, "1.5L"));       // 53.33
        assertEquals(new UnitPrice(60, "100ml"), of(600, "1升"));
        assertEquals(new UnitPrice(106, "100ml"), of(350, "330 mL"));    // 106.06
    }

    @Test
    void weightsArePricedPer500g() {
        assertEquals(new UnitPrice(1667, "500g"), of(350, "105g"));     // 1666.67
        assertEquals(new UnitPrice(1000, "500g"), of(2000, "1kg"));
        assertEquals(new UnitPrice(1000, "500g"), of(2000, "1千克"));
        assertEquals(new UnitPrice(1250, "500g"), of(2500, "2斤"));
        assertEquals(new UnitPrice(2000, "500g"), of(1000, "250克"));
        assertEquals(new UnitPrice(480, "500g"), of(2400, "2.5公斤"));
    }

    @Test
    void multipacksCountEveryPiece() {
        assertEquals(of(1980, "1980ml"), of(1980, "330ml×6"));
        assertEquals(new UnitPrice(100, "100ml"), of(1980, "330ml*6"));
        assertEquals(new UnitPrice(100, "100ml"), of(1980, "6×330ml"));
        assertEquals(new UnitPrice(50, "100ml"), of(3000, "250ml x 24盒/箱"));
    }

    @Test
    void noUnitPrice_whenTheSpecNamesNoWeightOrVolume_orItRoundsToNothing() {
        for (String spec : new String[] {null, "", "大号", "10片", "3层120抽", "12 large", "ml", "0g"}) {
            assertEquals(Optional.empty(), UnitPrice.of(500L, spec), spec);
        }
        assertEquals(Optional.empty(), UnitPrice.of(null, "500ml"), "no price yet");
        assertEquals(Optional.empty(), UnitPrice.of(1L, "5L"), "0.02 fen per 100 ml is not shown as ¥0.00");
    }

    @Test
    void theLabelCarriesTheUnitPriceOfWhatTheCustomerPaysNow() {
        LabelPrice regular = new LabelPrice("06901234567892", "绿茶", "500ml", 300L, null, null, null, null, null);
        assertEquals(Map.of("price", 60L, "per", "100ml"), LabelContent.desired(regular).get("unitPrice"));
        LabelPrice promo = new LabelPrice("06901234567892", "绿茶", "500ml", 300L, 250L, Instant.parse("2099-01-01T00:00:00Z"), null, null, null);
        assertEquals(Map.of("price", 50L, "per", "100ml"), LabelContent.desired(promo).get("unitPrice"));
        LabelPrice count = new LabelPrice("06901234567892", "纸巾", "10包", 990L, null, null, null, null, null);
        assertEquals(false, LabelContent.desired(count).get("unitPrice"), "set to false, not left out: a removed key makes no delta");
        assertTrue(LabelContent.desired(count).containsKey("unitPrice"));
    }
}
