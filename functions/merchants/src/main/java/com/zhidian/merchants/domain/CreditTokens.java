package com.zhidian.merchants.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed public links of the credit QR (a counter) and of a complaint's tracking page, as the orders' e-receipt:
 * {@code <tenantId>.<HMAC-SHA256(secret, purpose "\n" tenantId "\n" id), base64url>}. The purpose keeps a counter's
 * token from opening a complaint with the same id and the other way round; only a token signed for this very object
 * opens it, anything else reads as "not found".
 */
public final class CreditTokens {
    public static final String COUNTER = "credit-counter";
    public static final String COMPLAINT = "credit-complaint";
    private final byte[] secret;

    public CreditTokens(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("a credit link secret is required");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String purpose, String tenantId, String id) {
        return tenantId + "." + mac(purpose, tenantId, id);
    }

    /** The tenant the token was signed for, when it was signed for this object and purpose; empty otherwise. */
    public Optional<String> tenantOf(String purpose, String id, String token) {
        if (token == null || id == null || token.length() > 200) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) return Optional.empty();
        String tenantId = token.substring(0, dot);
        byte[] expected = mac(purpose, tenantId, id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(tenantId) : Optional.empty();
    }

    private String mac(String purpose, String tenantId, String id) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = m.doFinal((purpose + "\n" + tenantId + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
