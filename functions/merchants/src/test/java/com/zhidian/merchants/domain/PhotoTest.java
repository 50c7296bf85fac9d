package com.zhidian.merchants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoTest {
    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static byte[] webp() {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(), 0, b, 8, 8);
        return b;
    }

    @Test
    void theTypeIsReadFromTheBytes() throws IOException {
        assertEquals(Photo.JPEG, Photo.sniff(image("jpg")));
        assertEquals(Photo.PNG, Photo.sniff(image("png")));
        assertEquals(Photo.WEBP, Photo.sniff(webp()));
        assertNull(Photo.sniff(image("gif")));
        assertNull(Photo.sniff(image("bmp")));
        assertNull(Photo.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()));
        assertNull(Photo.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertNull(Photo.sniff(new byte[0]));
        byte[] riffNotWebp = webp();
        riffNotWebp[8] = 'A';
        assertNull(Photo.sniff(riffNotWebp), "a RIFF file that is not WebP (a WAV, an AVI)");
    }

    @Test
    void aPhotoIsTakenUpTo1MiB_ofItsOwnType() throws IOException {
        byte[] jpeg = image("jpg");
        Photo p = Photo.check(Photo.JPEG, jpeg);
        assertEquals(new Photo(Photo.JPEG, jpeg.length), p);
        assertEquals(Photo.PNG, Photo.check(null, image("png")).contentType());
        byte[] max = new byte[Photo.MAX_BYTES];
        System.arraycopy(jpeg, 0, max, 0, jpeg.length);
        assertEquals(4, Photo.check(Photo.JPEG, max).chunks());
        byte[] over = new byte[Photo.MAX_BYTES + 1];
        System.arraycopy(jpeg, 0, over, 0, jpeg.length);
        MerchantsErrors.PhotoTooLarge big = assertThrows(MerchantsErrors.PhotoTooLarge.class, () -> Photo.check(Photo.JPEG, over));
        assertEquals(Photo.MAX_BYTES + 1, big.size());
    }

    @Test
    void aPhotoThatIsNotWhatItSays_orNoImage_isRefused() throws IOException {
        MerchantsErrors.PhotoNotAccepted lie = assertThrows(MerchantsErrors.PhotoNotAccepted.class, () -> Photo.check(Photo.PNG, image("jpg")));
        assertEquals(Photo.JPEG, lie.detected());
        assertEquals("", assertThrows(MerchantsErrors.PhotoNotAccepted.class, () -> Photo.check(Photo.JPEG, image("gif"))).detected());
        assertThrows(MerchantsErrors.PhotoNotAccepted.class, () -> Photo.check(Photo.JPEG, "MZ\u0090\u0000 an exe".getBytes()));
    }

    @Test
    void chunksCoverThePhoto() {
        assertEquals(1, new Photo(Photo.JPEG, 1).chunks());
        assertEquals(1, new Photo(Photo.JPEG, Photo.CHUNK).chunks());
        assertEquals(2, new Photo(Photo.JPEG, Photo.CHUNK + 1).chunks());
    }
}
