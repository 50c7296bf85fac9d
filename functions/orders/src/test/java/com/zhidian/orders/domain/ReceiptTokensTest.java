package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class ReceiptTokensTest {
    private final ReceiptTokens tokens = new ReceiptTokens("secret-one");

    @Property
    void aTokenOpensItsOwnOrderOnly(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String tenant,
                                    @ForAll @AlphaChars @StringLength(min = 1, max = 20) String order,
                                    @ForAll @AlphaChars @StringLength(min = 1, max = 20) String other) {
        String t = tokens.sign(tenant, order);
        assertEquals(Optional.of(tenant), tokens.tenantOf(order, t));
        if (!other.equals(order)) assertTrue(tokens.tenantOf(other, t).isEmpty(), "another order's token");
        if (!other.equals(tenant)) assertTrue(tokens.tenantOf(order, other + t.substring(t.lastIndexOf('.'))).isEmpty(), "tenant swapped");
        assertTrue(new ReceiptTokens("secret-two").tenantOf(order, t).isEmpty(), "another secret");
        assertTrue(tokens.tenantOf(order, t + "A").isEmpty());
        assertTrue(tokens.tenantOf(order, null).isEmpty());
        assertTrue(tokens.tenantOf(order, tenant + ".").isEmpty());
    }
}
