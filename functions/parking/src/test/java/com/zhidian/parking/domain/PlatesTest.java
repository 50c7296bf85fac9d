package com.zhidian.parking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"粤B12345", "京A8888Z", "沪C1234学", "粤BD12345", "粤BFA1234", "粤B12345D", "川A0000F"})
    void chinesePlatesAreRead(String p) {
        assertEquals(p, Plates.normalise(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "粤B1234", "粤B123456", "AB12345", "粤112345", "粤BI2345", "粤BO2345", "粤BA123456",
            "港B12345", "粤B12345DD", "粤b１２３４５", "粤B12345<"})
    void anythingElseIsNot(String p) {
        assertNull(Plates.normalise(p), p);
    }

    @Test
    void spacesDotsAndCaseAreForgiven() {
        assertEquals("粤B12345", Plates.normalise("粤b·123 45"));
        assertEquals("粤BD12345", Plates.normalise("粤B-D12345"));
    }

    @Test
    void newEnergyPlatesHaveEightCharacters() {
        assertTrue(Plates.newEnergy("粤BD12345"));
        assertFalse(Plates.newEnergy("粤B12345"));
    }

    @Test
    void aMaskedPlateShowsItsProvinceAndLastTwo() {
        assertEquals("粤B·***45", Plates.masked("粤B12345"));
        assertEquals("粤B·****45", Plates.masked("粤BD12345"));
    }
}
