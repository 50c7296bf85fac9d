package com.zhidian.orders.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public e-receipt link's token: {@code <tenantId>.<HMAC-SHA256(secret, tenantId "\n" orderId), base64url>}. The
 * tenant travels in the token (the public route has no caller), and only a token Zhidian signed for this very order
 * opens it; anything else reads as "no such receipt".
 */
public final class ReceiptTokens {
    private final byte[] secret;

    public ReceiptTokens(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("a receipt secret is required");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String tenantId, String orderId) {
        return tenantId + "." + mac(tenantId, orderId);
    }

    /** The tenant the token was signed for, when it was signed for this order; empty otherwise. */
    public Optional<String> tenantOf(String orderId, String token) {
        if (token == null || orderId == null) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) return Optional.empty();
        String tenantId = token.substring(0, dot);
        byte[] expected = mac(tenantId, orderId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(tenantId) : Optional.empty();
    }

    private String mac(String tenantId, String orderId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = m.doFinal((tenantId + "\n" + orderId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
