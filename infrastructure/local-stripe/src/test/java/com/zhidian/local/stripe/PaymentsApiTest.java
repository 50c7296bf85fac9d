package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PaymentIntents, declines, actions, refunds and idempotency, read by stripe-java itself. */
class PaymentsApiTest {
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    @AfterEach
    void stop() { stripe.close(); }

    private static PaymentIntentCreateParams.Builder card(long amount) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("cny").addPaymentMethodType("card")
                .putMetadata("order_id", "ord_1").putMetadata("tenant_id", "tn_a");
    }

    @Test
    void createConfirmRetrieveWithTheVisaTestCard() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(2590).build());
        assertTrue(pi.getId().startsWith("pi_"));
        assertEquals("requires_payment_method", pi.getStatus());
        assertTrue(pi.getClientSecret().startsWith(pi.getId() + "_secret_"));
        assertEquals("ord_1", pi.getMetadata().get("order_id"));
        assertEquals(false, pi.getLivemode());
        assertEquals("cny", pi.getCurrency());

        PaymentIntent paid = client.v1().paymentIntents().confirm(pi.getId(), PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        assertEquals("succeeded", paid.getStatus());
        assertEquals(2590L, paid.getAmountReceived());
        assertTrue(paid.getLatestCharge().startsWith("ch_"));

        PaymentIntent read = client.v1().paymentIntents().retrieve(pi.getId(),
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
        assertEquals("succeeded", read.getStatus());
        var charge = read.getLatestChargeObject();
        assertEquals(2590L, charge.getAmount());
        assertEquals(pi.getId(), charge.getPaymentIntent());
        var txn = charge.getBalanceTransactionObject();
        assertEquals("charge", txn.getType());
        assertEquals(2590L, txn.getAmount());
        assertEquals(txn.getAmount() - txn.getFee(), txn.getNet());
    }

    @Test
    void createWithConfirmTrueSucceedsAtOnce() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(100).setPaymentMethod("pm_card_mastercard").setConfirm(true).build());
        assertEquals("succeeded", pi.getStatus());
    }

    @Test
    void aDeclinedCardIs402CardDeclinedAndLeavesTheIntentForAnotherTry() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(500).build());
        for (String declined : new String[] {"pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"}) {
            CardException e = assertThrows(CardException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                    PaymentIntentConfirmParams.builder().setPaymentMethod(declined).build()));
            assertEquals(402, e.getStatusCode());
            assertEquals("card_declined", e.getCode());
            assertEquals("generic_decline", e.getDeclineCode());
            assertEquals("card_error", e.getStripeError().getType());
            assertEquals("requires_payment_method", e.getStripeError().getPaymentIntent().getStatus());
        }
        PaymentIntent after = client.v1().paymentIntents().retrieve(pi.getId());
        assertEquals("card_declined", after.getLastPaymentError().getCode());
        assertEquals("succeeded", client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()).getStatus());
    }

    @Test
    void authenticationRequiredWaitsForTheTester() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(700).setPaymentMethod("pm_card_authenticationRequired").setConfirm(true).build());
        assertEquals("requires_action", pi.getStatus());
        assertEquals("use_stripe_sdk", pi.getNextAction().getType());
        stripe.fail(pi.getId());
        PaymentIntent failed = client.v1().paymentIntents().retrieve(pi.getId());
        assertEquals("requires_payment_method", failed.getStatus());
        assertEquals("payment_intent_authentication_failure", failed.getLastPaymentError().getCode());
        // the tester cannot complete a payment that is no longer waiting, nor one that does not exist
        assertThrows(IllegalStateException.class, () -> stripe.succeed(pi.getId()));
        assertThrows(IllegalStateException.class, () -> stripe.succeed("pi_nope"));
        assertThrows(IllegalStateException.class, () -> stripe.redeliver("evt_nope"));
    }

    @Test
    void wechatPayShowsAQrCodeUntilTheTesterCompletesItOverHttp() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1200L).setCurrency("cny")
                .addPaymentMethodType("wechat_pay").build());
        var wechat = PaymentIntentConfirmParams.PaymentMethodData.builder().setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY).build();
        // the client the customer pays from is required (web: a QR code; ios/android: the app's SDK, with its app_id)
        InvalidRequestException noClient = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethodData(wechat).build()));
        assertEquals("payment_method_options[wechat_pay][client]", noClient.getParam());
        assertEquals("parameter_missing", noClient.getCode());
        InvalidRequestException noAppId = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethodData(wechat).setPaymentMethodOptions(wechatClient(
                        PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.Client.IOS)).build()));
        assertEquals("payment_method_options[wechat_pay][app_id]", noAppId.getParam());
        assertEquals("requires_payment_method", client.v1().paymentIntents().retrieve(pi.getId()).getStatus(), "a refused confirm changes nothing");
        PaymentIntent waiting = client.v1().paymentIntents().confirm(pi.getId(), PaymentIntentConfirmParams.builder()
                .setPaymentMethodData(wechat).setPaymentMethodOptions(wechatClient(PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.Client.WEB))
                .build());
        assertEquals("requires_action", waiting.getStatus());
        assertEquals("web", waiting.getPaymentMethodOptions().getWechatPay().getClient());
        assertEquals("wechat_pay_display_qr_code", waiting.getNextAction().getType());
        String qrPage = waiting.getNextAction().getWechatPayDisplayQrCode().getHostedInstructionsUrl();
        HttpClient http = HttpClient.newHttpClient();
        assertTrue(http.send(HttpRequest.newBuilder(URI.create(qrPage)).build(), HttpResponse.BodyHandlers.ofString()).body().contains("requires_action"));
        var done = http.send(HttpRequest.newBuilder(URI.create(qrPage + "/succeed")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode());
        assertEquals("succeeded", client.v1().paymentIntents().retrieve(pi.getId()).getStatus());
        // completing twice is refused: the payment is no longer waiting
        assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(qrPage + "/succeed")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static PaymentIntentConfirmParams.PaymentMethodOptions wechatClient(PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.Client c) {
        return PaymentIntentConfirmParams.PaymentMethodOptions.builder().setWechatPay(
                PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.builder().setClient(c).build()).build();
    }

    @Test
    void wechatPayOptionsGivenAtCreationServeTheConfirm() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1200L).setCurrency("cny")
                .addPaymentMethodType("wechat_pay").setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                        .setWechatPay(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                                .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.ANDROID).setAppId("wx_app_1").build()).build())
                .build());
        assertEquals("wx_app_1", pi.getPaymentMethodOptions().getWechatPay().getAppId());
        PaymentIntent waiting = client.v1().paymentIntents().confirm(pi.getId(), PaymentIntentConfirmParams.builder()
                .setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY).build()).build());
        assertEquals("requires_action", waiting.getStatus());
        assertEquals("android", waiting.getPaymentMethodOptions().getWechatPay().getClient());
    }

    @Test
    void alipayRedirectsAndNeedsAReturnUrl() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(800L).setCurrency("cny")
                .addPaymentMethodType("alipay").build());
        var alipay = PaymentIntentConfirmParams.PaymentMethodData.builder().setType(PaymentIntentConfirmParams.PaymentMethodData.Type.ALIPAY).build();
        InvalidRequestException noReturn = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethodData(alipay).build()));
        assertEquals("return_url", noReturn.getParam());
        PaymentIntent waiting = client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethodData(alipay).setReturnUrl("http://localhost:5173/pay/done").build());
        assertEquals("alipay_handle_redirect", waiting.getNextAction().getType());
        assertEquals("http://localhost:5173/pay/done", waiting.getNextAction().getAlipayHandleRedirect().getReturnUrl());
        stripe.succeed(pi.getId());
        assertEquals("succeeded", client.v1().paymentIntents().retrieve(pi.getId()).getStatus());
    }

    @Test
    void aPaymentMethodTypeTheIntentDoesNotAllowIsRefused() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(300).build());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY).build()).build()));
        assertEquals("payment_intent_incompatible_payment_method", e.getCode());
    }

    @Test
    void cancelThenConfirmOrCancelAgainIsAnUnexpectedState() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(300).build());
        PaymentIntent canceled = client.v1().paymentIntents().cancel(pi.getId(),
                PaymentIntentCancelParams.builder().setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build());
        assertEquals("canceled", canceled.getStatus());
        assertEquals("abandoned", canceled.getCancellationReason());
        assertNotNull(canceled.getCanceledAt());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()));
        assertEquals("payment_intent_unexpected_state", e.getCode());
        assertEquals(400, e.getStatusCode());
        assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().cancel(pi.getId()));
        PaymentIntent paid = client.v1().paymentIntents().create(card(300).setPaymentMethod("pm_card_visa").setConfirm(true).build());
        assertEquals("payment_intent_unexpected_state",
                assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().cancel(paid.getId())).getCode());
    }

    @Test
    void refundsPartialThenTheRestThenNoMore() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(1000).setPaymentMethod("pm_card_visa").setConfirm(true).build());
        Refund first = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(400L)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("refund_id", "rf_1").build());
        assertTrue(first.getId().startsWith("re_"));
        assertEquals("succeeded", first.getStatus());
        assertEquals(400L, first.getAmount());
        assertEquals(pi.getLatestCharge(), first.getCharge());
        assertEquals("rf_1", client.v1().refunds().retrieve(first.getId()).getMetadata().get("refund_id"));
        InvalidRequestException tooMuch = assertThrows(InvalidRequestException.class, () -> client.v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(601L).build()));
        assertEquals("amount_too_large", tooMuch.getCode());
        Refund rest = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).build());
        assertEquals(600L, rest.getAmount());
        assertEquals("charge_already_refunded", assertThrows(InvalidRequestException.class, () -> client.v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(pi.getId()).build())).getCode());
        assertTrue(client.v1().charges().retrieve(pi.getLatestCharge()).getRefunded());
        PaymentIntent unpaid = client.v1().paymentIntents().create(card(1000).build());
        assertEquals("charge_not_refundable", assertThrows(InvalidRequestException.class, () -> client.v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(unpaid.getId()).build())).getCode());
    }

    @Test
    void sameKeySameParametersReplaysTheSavedAnswer() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("order-ord_1-payment-1").build();
        PaymentIntent first = client.v1().paymentIntents().create(card(990).build(), key);
        PaymentIntent again = client.v1().paymentIntents().create(card(990).build(), key);
        assertEquals(first.getId(), again.getId());
        assertEquals("true", again.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
        assertNull(first.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
        IdempotencyException other = assertThrows(IdempotencyException.class, () -> client.v1().paymentIntents().create(card(991).build(), key));
        assertEquals(400, other.getStatusCode());
        assertEquals("idempotency_error", other.getStripeError().getType());
        // another key: another payment
        assertNotEquals(first.getId(), client.v1().paymentIntents().create(card(990).build(),
                RequestOptions.builder().setIdempotencyKey("order-ord_1-payment-2").build()).getId());
    }

    @Test
    void aDeclineIsSavedAndReplayedButAValidationErrorIsNot() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(card(500).build());
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("confirm-1").build();
        var declined = PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_chargeDeclined").build();
        CardException first = assertThrows(CardException.class, () -> client.v1().paymentIntents().confirm(pi.getId(), declined, key));
        CardException replay = assertThrows(CardException.class, () -> client.v1().paymentIntents().confirm(pi.getId(), declined, key));
        assertEquals(first.getCharge(), replay.getCharge());
        RequestOptions key2 = RequestOptions.builder().setIdempotencyKey("create-bad").build();
        assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(card(0).build(), key2));
        assertEquals("requires_payment_method", client.v1().paymentIntents().create(card(10).build(), key2).getStatus());
    }

    @Test
    void errorsAreStripesErrorObjectWithItsStatus() throws Exception {
        StripeClient noKey = StripeClient.builder().setApiKey("").setApiBase(stripe.endpoint().toString()).build();
        assertThrows(Exception.class, () -> noKey.v1().paymentIntents().retrieve("pi_x"));
        StripeClient live = StripeClient.builder().setApiKey("sk_live_123456789").setApiBase(stripe.endpoint().toString()).build();
        assertEquals(401, assertThrows(AuthenticationException.class, () -> live.v1().paymentIntents().retrieve("pi_x")).getStatusCode());
        InvalidRequestException missing = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().retrieve("pi_nope"));
        assertEquals(404, missing.getStatusCode());
        assertEquals("resource_missing", missing.getCode());
        InvalidRequestException noAmount = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setCurrency("cny").build()));
        assertEquals("parameter_missing", noAmount.getCode());
        assertEquals("amount", noAmount.getParam());
        assertEquals("resource_missing", assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                card(100).setPaymentMethod("pm_nope").build())).getCode());
        // without any Authorization header at all: 401 and Stripe's words
        var raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stripe.endpoint().resolve("/v1/payment_intents/pi_x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, raw.statusCode());
        assertTrue(raw.body().contains("You did not provide an API key"));
        assertFalse(raw.body().contains("\"code\""));
    }

    @Test
    void anInjectedOutageIs503ApiErrorUntilLifted() throws Exception {
        stripe.setUnavailable(true);
        var e = assertThrows(com.stripe.exception.ApiException.class, () -> client.v1().paymentIntents().create(card(100).build()));
        assertEquals(503, e.getStatusCode());
        stripe.setUnavailable(false);
        assertEquals("requires_payment_method", client.v1().paymentIntents().create(card(100).build()).getStatus());
    }

    @Test
    void aRefusedCreateLeavesNoIntentAndRaisesNoEvent() throws Exception {
        int before = stripe.events().size();
        assertEquals("resource_missing", assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                card(100).setPaymentMethod("pm_nope").setConfirm(true).build())).getCode());
        assertEquals("payment_intent_unexpected_state", assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                card(100).setConfirm(true).build())).getCode());
        assertEquals("return_url", assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny").addPaymentMethodType("alipay").setConfirm(true)
                        .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                                .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALIPAY).build()).build())).getParam());
        assertEquals(before, stripe.events().size());
    }
}
