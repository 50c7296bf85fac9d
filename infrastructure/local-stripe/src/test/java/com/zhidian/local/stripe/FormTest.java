package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stripe's form encoding: nested hashes, arrays with [] and [N], and the fingerprint idempotency binds to. */
class FormTest {
    @Test
    void readsNestedHashesAndArrays() {
        Form f = Form.parse("amount=100&metadata[order_id]=o%201&payment_method_types[]=card&payment_method_types[]=wechat_pay"
                + "&items[0][price]=price_a&items[0][quantity]=2&items[1][price]=price_b&expand[]=latest_charge");
        assertEquals(100L, f.integer("amount"));
        assertEquals("o 1", f.object("metadata").get("order_id").asText());
        assertEquals(List.of("card", "wechat_pay"), f.strings("payment_method_types"));
        assertEquals("price_b", f.params.get("items").get(1).get("price").asText());
        assertEquals("2", f.params.get("items").get(0).get("quantity").asText());
        assertEquals(List.of("latest_charge"), f.strings("expand"));
    }

    @Test
    void theFingerprintIgnoresOrderButNotValues() {
        assertEquals(Form.parse("a=1&b=2").fingerprint, Form.parse("b=2&a=1").fingerprint);
        assertEquals(false, Form.parse("a=1&b=2").fingerprint.equals(Form.parse("a=1&b=3").fingerprint));
    }

    @Test
    void refusesBadValuesAndUnknownParameters() {
        assertEquals("parameter_invalid_integer", assertThrows(StripeError.class, () -> Form.parse("amount=ten").integer("amount")).error.get("code").asText());
        StripeError unknown = assertThrows(StripeError.class, () -> Form.parse("price=5").allow("amount"));
        assertEquals("parameter_unknown", unknown.error.get("code").asText());
        assertEquals(400, unknown.status);
        assertThrows(StripeError.class, () -> Form.parse("a[b=1").integer("a"));
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("items[0][price]=p&items[foo]=x")).status);
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("items[999999999][price]=p")).status);
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("items[1][price]=p")).status);
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("metadata=x&metadata[a]=b")).status);
        // text after a closing bracket is not dropped silently
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("metadata%5Ba%5Db%5D=x")).status);
        assertEquals(400, assertThrows(StripeError.class, () -> Form.parse("items%5B0%5Dprice=x")).status);
        assertEquals("x", Form.parse("metadata%5Ba%5D=x").params.get("metadata").get("a").asText());
    }
}
