package com.zhidian.guide.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed public link of a store's guide (the QR poster and the kiosk):
 * {@code <tenantId>.<HMAC-SHA256(secret, "guide\n" tenantId "\n" storeId), base64url>}. Only a token signed for that
 * very store opens its guide; anything else reads as "not found". The same shape as the car park's links (a shared
 * core class is planned to replace them all).
 */
public final class GuideLinks {
    private static final String PURPOSE = "guide";
    private final byte[] secret;

    public GuideLinks(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("a guide link secret is required");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String tenantId, String storeId) {
        return tenantId + "." + mac(tenantId, storeId);
    }

    /** The tenant the token was signed for, when it was signed for this store; empty otherwise. */
    public Optional<String> tenantOf(String storeId, String token) {
        if (token == null || storeId == null || token.length() > 200) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) return Optional.empty();
        String tenantId = token.substring(0, dot);
        byte[] expected = mac(tenantId, storeId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(tenantId) : Optional.empty();
    }

    private String mac(String tenantId, String storeId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = m.doFinal((PURPOSE + "\n" + tenantId + "\n" + storeId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
