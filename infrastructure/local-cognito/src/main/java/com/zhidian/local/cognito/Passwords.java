package com.zhidian.local.cognito;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 password hashes: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. */
final class Passwords {
    static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    static boolean matches(String password, String stored) {
        if (password == null || stored == null) return false;
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) return false;
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) { return Base64.getEncoder().encodeToString(b); }

    /** A temporary password that meets Cognito's default policy. */
    static String temporary() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!#%+-=";
        StringBuilder sb = new StringBuilder();
        String all = upper + lower + digits;
        for (int i = 0; i < 9; i++) sb.append(all.charAt(RANDOM.nextInt(all.length())));
        sb.insert(RANDOM.nextInt(sb.length()), upper.charAt(RANDOM.nextInt(upper.length())));
        sb.insert(RANDOM.nextInt(sb.length()), lower.charAt(RANDOM.nextInt(lower.length())));
        sb.insert(RANDOM.nextInt(sb.length()), digits.charAt(RANDOM.nextInt(digits.length())));
        sb.insert(RANDOM.nextInt(sb.length()), symbols.charAt(RANDOM.nextInt(symbols.length())));
        return sb.toString();
    }
}
