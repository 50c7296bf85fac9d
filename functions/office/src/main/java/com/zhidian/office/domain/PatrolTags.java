package com.zhidian.office.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a checkpoint's printed QR holds: {@code ZDP1.<tenantId>.<checkpointId>.<HMAC-SHA256(secret, "patrol-checkpoint\n"
 * tenantId "\n" checkpointId), base64url>}. Only a tag signed for this very checkpoint is accepted, so a tag cannot be
 * forged from a checkpoint id, nor one tenant's used in another.
 */
public final class PatrolTags {
    private static final String PREFIX = "ZDP1";
    private final byte[] secret;

    public record Tag(String tenantId, String checkpointId) {}

    public PatrolTags(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("a patrol tag secret is required");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String tenantId, String checkpointId) {
        return PREFIX + "." + tenantId + "." + checkpointId + "." + mac(tenantId, checkpointId);
    }

    /** The tenant and checkpoint of a genuine tag; empty for anything else. */
    public Optional<Tag> read(String code) {
        if (code == null || code.length() > 300) return Optional.empty();
        String[] parts = code.trim().split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) return Optional.empty();
        byte[] expected = mac(parts[1], parts[2]).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new Tag(parts[1], parts[2])) : Optional.empty();
    }

    private String mac(String tenantId, String checkpointId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = m.doFinal(("patrol-checkpoint\n" + tenantId + "\n" + checkpointId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
