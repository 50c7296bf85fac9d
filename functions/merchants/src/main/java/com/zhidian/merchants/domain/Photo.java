package com.zhidian.merchants.domain;

import java.util.Base64;

/**
 * A complaint's photo: the type its bytes are (JPEG, PNG or WebP, read from their first bytes, never from what the
 * client said) and its size. The bytes themselves are kept beside the complaint (store: chunks of at most
 * {@link #CHUNK} bytes, so no item nears DynamoDB's 400 KB) and read on their own.
 */
public record Photo(String contentType, int size) {
    /** The largest photo taken, before any encoding: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Bytes per stored chunk (a 1 MiB photo is four items of 256 KiB). */
    public static final int CHUNK = 256 * 1024;

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";

    public int chunks() {
        return (size + CHUNK - 1) / CHUNK;
    }

    /** The photo with its bytes, as the photo routes answer it. */
    public record WithBytes(Photo photo, byte[] bytes) {
        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    /**
     * The type of an image from its magic bytes: JPEG {@code FF D8 FF}, PNG {@code 89 50 4E 47 0D 0A 1A 0A}, WebP
     * {@code RIFF....WEBP}; null for anything else.
     */
    public static String sniff(byte[] b) {
        if (b == null) return null;
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return JPEG;
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length >= 8 && startsWith(b, png, 0)) return PNG;
        if (b.length >= 12 && startsWith(b, "RIFF".getBytes(), 0) && startsWith(b, "WEBP".getBytes(), 8)) return WEBP;
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix, int at) {
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    /**
     * The photo a customer sent, checked: at most {@link #MAX_BYTES}, an image of a type taken, and the type the client
     * declared (if any) the one its bytes are.
     */
    public static Photo check(String declared, byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw new MerchantsErrors.PhotoTooLarge(bytes.length, MAX_BYTES);
        String type = sniff(bytes);
        if (type == null || bytes.length == 0) throw new MerchantsErrors.PhotoNotAccepted(declared == null ? "" : declared, "");
        if (declared != null && !declared.equals(type)) throw new MerchantsErrors.PhotoNotAccepted(declared, type);
        return new Photo(type, bytes.length);
    }
}
