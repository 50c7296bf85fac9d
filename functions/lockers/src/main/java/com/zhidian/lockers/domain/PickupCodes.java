package com.zhidian.lockers.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pickup and bag codes, signed so that a locker checks them offline: 8 digits, the compartment's two digits and six
 * digits of HMAC-SHA256(locker key, "lockerId|compartmentId|depositId"). The code names one use of one compartment
 * (the deposit id): once that use is over, the same digits open nothing. The same rule runs on the device
 * (iot/Locker.java) and in the cloud.
 */
public final class PickupCodes {
    private PickupCodes() {}

    public static String code(String keyBase64, String lockerId, String compartmentId, String depositId) {
        return compartmentId + sixDigits(keyBase64, lockerId + "|" + compartmentId + "|" + depositId);
    }

    /** Whether {@code code} is the code of that use (constant time). */
    public static boolean verify(String keyBase64, String lockerId, String compartmentId, String depositId, String code) {
        if (code == null || depositId == null) return false;
        byte[] want = code(keyBase64, lockerId, compartmentId, depositId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, code.getBytes(StandardCharsets.US_ASCII));
    }

    /** The compartment a code names (its first two digits), or null when it is not 8 digits. */
    public static String compartmentOf(String code) {
        return code != null && code.matches("[0-9]{8}") ? code.substring(0, 2) : null;
    }

    static String sixDigits(String keyBase64, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(keyBase64), "HmacSHA256"));
            byte[] h = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            // dynamic truncation as RFC 4226 does it
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
