package com.zhidian.core.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed public links: a token that opens one object of one tenant for one purpose, with no caller behind it (a
 * receipt's QR, a counter's credit QR, a car park's exit and pillar QRs, a checkpoint's tag). The signature is
 * {@code HMAC-SHA256(secret, purpose "\n" tenantId "\n" id)}, base64url without padding; the purpose keeps a token of
 * one kind of link from opening another kind with the same id. Two forms:
 * <ul>
 *   <li>{@link #sign}: {@code <tenantId>.<signature>}, for links whose path already names the object;</li>
 *   <li>{@link #seal}: {@code <prefix>.<tenantId>.<id>.<signature>}, for codes that carry their object (a printed
 *       tag scanned into a form).</li>
 * </ul>
 * Only a token signed for this very object and purpose opens it; a tampered, truncated, foreign or other-purpose
 * token reads as "not there" (empty), so the routes answer it as they answer an unknown id (404). Signatures are
 * compared in constant time.
 */
public final class SignedLinks {
    /** Longer link tokens are refused before any work (a tenant id is short, a signature 43 characters; the spec's 200). */
    static final int MAX_TOKEN = 200;
    /** Longer sealed codes are refused before any work (they carry the object's id too). */
    static final int MAX_SEALED = 300;
    private final byte[] secret;
    private final String purpose;
    /**
     * One keyed HMAC per thread: {@code Mac.getInstance} and {@code init} on every link were a provider lookup and a
     * key schedule per order answered (the receipt's link); {@code doFinal} leaves the Mac keyed for the next one.
     */
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::keyedMac);

    /** Links for {@code purpose} (non-blank, one line), signed with {@code secret}. */
    public SignedLinks(String secret, String purpose) {
        this.secret = secretBytes(secret);
        this.purpose = requirePurpose(purpose);
    }

    private SignedLinks(String secret) {
        this.secret = secretBytes(secret);
        this.purpose = null;
    }

    /**
     * The e-receipt's links, signed before links had purposes: {@code HMAC-SHA256(secret, tenantId "\n" id)}. Kept so
     * that every receipt already printed or sent still opens; every other kind of link names its purpose.
     */
    public static SignedLinks withoutPurpose(String secret) {
        return new SignedLinks(secret);
    }

    private static byte[] secretBytes(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("a link secret is required");
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static String requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a link purpose is one non-blank line");
        }
        return purpose;
    }

    /** {@code <tenantId>.<signature>}: opens {@code id} of {@code tenantId} for this purpose. */
    public String sign(String tenantId, String id) {
        return tenantId + "." + signature(tenantId, id);
    }

    /** The tenant the token was signed for, when it was signed for {@code id} and this purpose; empty otherwise. */
    public Optional<String> tenantOf(String id, String token) {
        if (token == null || id == null || token.length() > MAX_TOKEN) return Optional.empty();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) return Optional.empty();
        String tenantId = token.substring(0, dot);
        return matches(tenantId, id, token.substring(dot + 1)) ? Optional.of(tenantId) : Optional.empty();
    }

    /** What a sealed code opens. */
    public record Sealed(String tenantId, String id) {}

    /** {@code <prefix>.<tenantId>.<id>.<signature>}: a code that names its object. No part may contain a dot. */
    public String seal(String prefix, String tenantId, String id) {
        return prefix + "." + tenantId + "." + id + "." + signature(tenantId, id);
    }

    /** The tenant and object of a genuine sealed code with this prefix (surrounding blanks ignored); empty otherwise. */
    public Optional<Sealed> open(String prefix, String code) {
        if (code == null || code.length() > MAX_SEALED) return Optional.empty();
        String[] parts = code.trim().split("\\.");
        if (parts.length != 4 || !parts[0].equals(prefix) || parts[1].isEmpty() || parts[2].isEmpty()) return Optional.empty();
        return matches(parts[1], parts[2], parts[3]) ? Optional.of(new Sealed(parts[1], parts[2])) : Optional.empty();
    }

    private boolean matches(String tenantId, String id, String given) {
        byte[] expected = signature(tenantId, id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String tenantId, String id) {
        String signed = (purpose == null ? "" : purpose + "\n") + tenantId + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
