package com.zhidian.members.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The QR payload of a member card: {@code zd1.<tenantId>.<memberId>.<window>.<mac>}, where window is the
 * number of the {@value #WINDOW_SECONDS}-second period it was issued in and mac an HMAC-SHA256 (first 16
 * bytes, base64url) over the rest. A POS accepts the current and the previous window only, so a screenshot
 * stops working within two minutes, and nobody without the secret can make a payload for another member.
 */
public final class CardQr {
    public static final long WINDOW_SECONDS = 60;
    private static final String PREFIX = "zd1";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    public CardQr(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public record Issued(String payload, Instant expiresAt, long refreshAfterSeconds) {}

    public record Scanned(String tenantId, String memberId) {}

    /**
     * Why a payload was refused: malformed or forged (no member can be named), another tenant's (named before its age,
     * so that a tenant cannot tell another's genuine old code from a forged one), or simply too old.
     */
    public enum Refusal { MALFORMED, FORGED, OTHER_TENANT, EXPIRED }

    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        public Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Refusal reason() { return reason; }
    }

    public Issued issue(String tenantId, String memberId, Instant now) {
        long window = now.getEpochSecond() / WINDOW_SECONDS;
        String body = PREFIX + "." + tenantId + "." + memberId + "." + window;
        Instant windowEnd = Instant.ofEpochSecond((window + 1) * WINDOW_SECONDS);
        return new Issued(body + "." + mac(body), windowEnd.plusSeconds(WINDOW_SECONDS),
                windowEnd.getEpochSecond() - now.getEpochSecond());
    }

    /** The member a payload shown at {@code tenantId}'s counter names. */
    public Scanned verify(String payload, String tenantId, Instant now) {
        String[] parts = payload == null ? new String[0] : payload.split("\\.", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new Refused(Refusal.MALFORMED);
        }
        long window;
        try {
            window = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            throw new Refused(Refusal.MALFORMED);
        }
        String body = String.join(".", Arrays.copyOf(parts, 4));
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(Refusal.FORGED);
        }
        if (!parts[1].equals(tenantId)) throw new Refused(Refusal.OTHER_TENANT);
        long current = now.getEpochSecond() / WINDOW_SECONDS;
        if (window < current - 1 || window > current + 1) throw new Refused(Refusal.EXPIRED);
        return new Scanned(parts[1], parts[2]);
    }

    private String mac(String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENC.encodeToString(Arrays.copyOf(m.doFinal(body.getBytes(StandardCharsets.UTF_8)), 16));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
