package com.zhidian.merchants.api;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.merchants.domain.MerchantsErrors;
import com.zhidian.merchants.domain.Photo;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A complaint's optional {@code photo} as JSON carries it ({@code {"contentType": "image/jpeg", "data": "<base64>"}}),
 * decoded; and a photo as the photo routes answer it. Whether the bytes are the image they claim is the domain's
 * check ({@link Photo#check}); here only the wrapping is read.
 */
final class PhotoInput {
    /** Base64 of {@link Photo#MAX_BYTES} bytes, and a little for line breaks some encoders add. */
    private static final int MAX_DATA_CHARS = (Photo.MAX_BYTES + 2) / 3 * 4 + 4096;

    record Sent(String contentType, byte[] bytes) {}

    private PhotoInput() {}

    /**
     * The photo of the body's {@code photo} field, or null without one. Field errors go to {@code f}; a photo that is
     * larger than taken is refused before it is decoded (413).
     */
    static Sent read(Fields f) {
        Fields p = f.optionalObject("photo", Set.of("contentType", "data"));
        if (p == null) return null;
        String type = p.requiredEnum("contentType", Set.of(Photo.JPEG, Photo.PNG, Photo.WEBP));
        if (!p.has("data")) {
            p.requiredString("data", 1, 1);
            return null;
        }
        String data = p.requiredString("data", 4, Integer.MAX_VALUE);
        if (data == null) return null;
        if (data.length() > MAX_DATA_CHARS) {
            f.check();
            throw new MerchantsErrors.PhotoTooLarge(data.length() / 4L * 3, Photo.MAX_BYTES);
        }
        try {
            return new Sent(type, Base64.getMimeDecoder().decode(stripDataUrl(data)));
        } catch (IllegalArgumentException e) {
            f.reject("photo.data", Fields.INVALID_FORMAT, "must be the image's bytes in base64");
            return null;
        }
    }

    /** A data: URL's base64 part (a browser's FileReader gives one), or the text as it is. */
    private static String stripDataUrl(String data) {
        if (!data.startsWith("data:")) return data;
        int comma = data.indexOf(',');
        return comma < 0 ? data : data.substring(comma + 1);
    }

    static Response answer(Photo.WithBytes p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contentType", p.photo().contentType());
        v.put("size", p.photo().size());
        v.put("data", p.base64());
        return Response.ok(v).header("Cache-Control", "private, max-age=300");
    }

    /** What a complaint's views say of its photo: its type and size (the bytes come from the photo route). */
    static Map<String, Object> facts(Photo p) {
        if (p == null) return null;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contentType", p.contentType());
        v.put("size", p.size());
        return v;
    }
}
