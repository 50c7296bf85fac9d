package com.zhidian.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
    static final String SECRET = "zhidian-local-receipt-secret";

    /**
     * Links signed before SignedLinks, by orders' ReceiptTokens, merchants' CreditTokens, parking's ParkLinks and
     * office's PatrolTags (run once with the local secret, the outputs pasted here): each still opens, so no printed QR,
     * receipt or tag goes dead with the change.
     */
    @Test
    void everyLinkSignedBeforeStillOpens_andIsSignedTheSameWay() {
        SignedLinks receipts = SignedLinks.withoutPurpose(SECRET);
        String receipt = "t_sample.Wqj0qFh0gFtfUB-Sgsa2fxJYEtYEbcsZb__Ym-16-1A";
        assertEquals(receipt, receipts.sign("t_sample", "ord_01J"));
        assertEquals(Optional.of("t_sample"), receipts.tenantOf("ord_01J", receipt));

        SignedLinks counters = new SignedLinks(SECRET, "credit-counter");
        String counter = "t_sample.eLasY1fkTv3QY1XrWt8GxlUkyD4Ts2XmEMy3gXuaUew";
        assertEquals(counter, counters.sign("t_sample", "ctr_1"));
        assertEquals(Optional.of("t_sample"), counters.tenantOf("ctr_1", counter));

        SignedLinks complaints = new SignedLinks(SECRET, "credit-complaint");
        String complaint = "t_sample.OzXEfI4pwz24zBTYJ3VTVq-MQnmSA5Mzu13f9HQWonA";
        assertEquals(complaint, complaints.sign("t_sample", "cmp_1"));

        SignedLinks parking = new SignedLinks(SECRET, "parking");
        String carPark = "t_sample.ot8bjAXCz15QE4A3vPmvDku7rzuWgVLIxqbmg0hQBm8";
        assertEquals(carPark, parking.sign("t_sample", "st_1"));
        assertEquals(Optional.of("t_sample"), parking.tenantOf("st_1", carPark));

        SignedLinks tags = new SignedLinks(SECRET, "patrol-checkpoint");
        String tag = "ZDP1.t_sample.pcp_a.wSpj8UgStWxkOCNKb-8FwdWvf8ah7w95yl6X4NtHsLg";
        assertEquals(tag, tags.seal("ZDP1", "t_sample", "pcp_a"));
        assertEquals(Optional.of(new SignedLinks.Sealed("t_sample", "pcp_a")), tags.open("ZDP1", "  " + tag + "\n"));
    }

    @Test
    void aTamperedToken_opensNothing() {
        SignedLinks links = new SignedLinks("s", "parking");
        String t = links.sign("t1", "st_1");
        char last = t.charAt(t.length() - 1);
        String flipped = t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Optional.empty(), links.tenantOf("st_1", flipped));
        assertEquals(Optional.empty(), links.tenantOf("st_1", t.substring(0, t.length() - 1)), "truncated");
        assertEquals(Optional.empty(), links.tenantOf("st_1", t + "A"), "lengthened");
        assertEquals(Optional.empty(), links.tenantOf("st_1", "t1."));
        assertEquals(Optional.empty(), links.tenantOf("st_1", ".abc"));
        assertEquals(Optional.empty(), links.tenantOf("st_1", "no-dot"));
        assertEquals(Optional.empty(), links.tenantOf("st_1", null));
        assertEquals(Optional.empty(), links.tenantOf(null, t));
        assertEquals(Optional.empty(), links.tenantOf("st_1", "x".repeat(400) + t), "overlong");
        assertEquals(Optional.empty(), new SignedLinks("other secret", "parking").tenantOf("st_1", t), "another secret");
    }

    @Test
    void aToken_opensOnlyItsOwnObject() {
        SignedLinks links = new SignedLinks("s", "credit-counter");
        String t = links.sign("t1", "ctr_1");
        assertEquals(Optional.of("t1"), links.tenantOf("ctr_1", t));
        assertEquals(Optional.empty(), links.tenantOf("ctr_2", t));
    }

    @Test
    void aToken_forAnotherPurpose_opensNothing() {
        String counter = new SignedLinks("s", "credit-counter").sign("t1", "x_1");
        assertEquals(Optional.empty(), new SignedLinks("s", "credit-complaint").tenantOf("x_1", counter));
        assertEquals(Optional.empty(), SignedLinks.withoutPurpose("s").tenantOf("x_1", counter));
        String receipt = SignedLinks.withoutPurpose("s").sign("t1", "x_1");
        assertEquals(Optional.empty(), new SignedLinks("s", "credit-counter").tenantOf("x_1", receipt));
        String sealed = new SignedLinks("s", "patrol-checkpoint").seal("ZDP1", "t1", "x_1");
        assertEquals(Optional.empty(), new SignedLinks("s", "parking").open("ZDP1", sealed));
    }

    @Test
    void aToken_withAnotherTenant_opensNothing() {
        SignedLinks links = new SignedLinks("s", "parking");
        String t = links.sign("t1", "st_1");
        String swapped = "t2" + t.substring(t.indexOf('.'));
        assertEquals(Optional.empty(), links.tenantOf("st_1", swapped));
        String sealed = links.seal("ZDP1", "t1", "st_1");
        assertEquals(Optional.empty(), links.open("ZDP1", sealed.replace("ZDP1.t1.", "ZDP1.t2.")));
        assertEquals(Optional.empty(), links.open("ZDP1", sealed.replace(".st_1.", ".st_2.")), "another object");
    }

    @Test
    void aSealedCode_needsItsPrefixAndFourParts() {
        SignedLinks links = new SignedLinks("s", "patrol-checkpoint");
        String code = links.seal("ZDP1", "t1", "pcp_a");
        assertEquals(Optional.empty(), links.open("ZDP2", code));
        assertEquals(Optional.empty(), links.open("ZDP1", "ZDP1.t1.pcp_a"));
        assertEquals(Optional.empty(), links.open("ZDP1", code + ".x"));
        assertEquals(Optional.empty(), links.open("ZDP1", "ZDP1..pcp_a." + code.substring(code.lastIndexOf('.') + 1)));
        assertEquals(Optional.empty(), links.open("ZDP1", null));
    }

    @Test
    void aPurpose_isOneNonBlankLine_andASecretIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks("s", ""));
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks("s", null));
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks("s", "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks("", "parking"));
        assertThrows(IllegalArgumentException.class, () -> SignedLinks.withoutPurpose(null));
        assertTrue(new SignedLinks("s", "p").sign("t", "i").startsWith("t."));
    }

    @Property
    void aTokenOpensItsOwnObjectOfItsOwnTenantOnly(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String tenant,
                                                   @ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
                                                   @ForAll @AlphaChars @StringLength(min = 1, max = 20) String other) {
        SignedLinks links = new SignedLinks("secret-one", "purpose");
        String t = links.sign(tenant, id);
        assertEquals(Optional.of(tenant), links.tenantOf(id, t));
        if (!other.equals(id)) assertTrue(links.tenantOf(other, t).isEmpty(), "another object's token");
        if (!other.equals(tenant)) assertTrue(links.tenantOf(id, other + t.substring(t.lastIndexOf('.'))).isEmpty(), "tenant swapped");
        assertTrue(new SignedLinks("secret-two", "purpose").tenantOf(id, t).isEmpty(), "another secret");
        assertTrue(new SignedLinks("secret-one", "other").tenantOf(id, t).isEmpty(), "another purpose");
        String sealed = links.seal("P", tenant, id);
        assertEquals(Optional.of(new SignedLinks.Sealed(tenant, id)), links.open("P", sealed));
        if (!other.equals(id)) assertTrue(links.open("P", "P." + tenant + "." + other + sealed.substring(sealed.lastIndexOf('.'))).isEmpty());
    }
}
