package com.zhidian.apitests.merchants;

import static com.zhidian.apitests.merchants.MerchantsFixture.enc;
import static com.zhidian.apitests.merchants.MerchantsFixture.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A complaint's optional photo: taken when it is a JPEG, PNG or WebP image of at most 1 MiB by its bytes; shown to
 * the store and on the complaint's tracking page; never on the counter's public credit page; another tenant's or
 * another link's is not found; a refused photo leaves no complaint behind.
 */
class ComplaintPhotosTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");

    static byte[] image(String format, int w, int h, boolean noise) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("开线 " + System.nanoTime(), 4, 16);
        g.dispose();
        if (noise) {
            Random rnd = new Random(7);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rnd.nextInt());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static Map<String, Object> withPhoto(String type, byte[] bytes) {
        Map<String, Object> body = new HashMap<>(MerchantsFixture.complaintBody(Fixtures.uniquePhone()));
        body.put("photo", map("contentType", type, "data", Base64.getEncoder().encodeToString(bytes)));
        return body;
    }

    static byte[] photoOf(Api.Res r) {
        JsonNode p = ok(r, 200);
        byte[] b = Base64.getDecoder().decode(p.get("data").asText());
        assertEquals(b.length, p.get("size").asInt());
        return b;
    }

    @Test
    void aJpeg_isShownToTheStore_andOnItsTrackingPage_neverOnTheCreditPage() throws IOException {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "照片商户"));
        byte[] jpeg = image("jpg", 160, 120, false);
        JsonNode filed = ok(MerchantsFixture.file(counter, withPhoto("image/jpeg", jpeg)), 201);
        String id = filed.get("complaintId").asText();
        String track = "?t=" + enc(filed.get("trackingToken").asText());

        JsonNode staff = ok(T.owner().get("/complaints/" + id), 200);
        assertEquals("image/jpeg", staff.at("/photo/contentType").asText());
        assertEquals(jpeg.length, staff.at("/photo/size").asInt());
        assertArrayEquals(jpeg, photoOf(T.owner().get("/complaints/" + id + "/photo")));

        JsonNode tracking = ok(Fixtures.anonymous().get("/credit/complaints/" + id + track), 200);
        assertEquals("image/jpeg", tracking.at("/photo/contentType").asText());
        assertArrayEquals(jpeg, photoOf(Fixtures.anonymous().get("/credit/complaints/" + id + "/photo" + track)));

        Api.Res page = Fixtures.anonymous().get("/credit/" + counter.get("counterId").asText() + "?t=" + enc(counter.get("creditToken").asText()));
        ok(page, 200);
        String b64 = Base64.getEncoder().encodeToString(jpeg);
        assertFalse(page.text().contains("photo") || page.text().contains(b64.substring(0, 40)), "no photo on the public page: " + page.text());
        // steps keep the photo
        ok(T.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "已联系顾客")), 200);
        assertArrayEquals(jpeg, photoOf(T.owner().get("/complaints/" + id + "/photo")));
    }

    @Test
    void pngAndWebp_areTaken_aComplaintWithoutAPhotoHasNone() throws IOException {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "格式商户"));
        byte[] png = image("png", 64, 64, false);
        String pid = ok(MerchantsFixture.file(counter, withPhoto("image/png", png)), 201).get("complaintId").asText();
        assertArrayEquals(png, photoOf(T.owner().get("/complaints/" + pid + "/photo")));
        byte[] webp = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(), 0, webp, 8, 8);
        String wid = ok(MerchantsFixture.file(counter, withPhoto("image/webp", webp)), 201).get("complaintId").asText();
        assertEquals("image/webp", ok(T.owner().get("/complaints/" + wid), 200).at("/photo/contentType").asText());
        String none = MerchantsFixture.complaint(counter).get("complaintId").asText();
        assertTrue(ok(T.owner().get("/complaints/" + none), 200).get("photo").isNull());
        assertEquals("complaint.photo_not_found", assertProblem(T.owner().get("/complaints/" + none + "/photo"), 404).get("code").asText());
    }

    @Test
    void aLargePhoto_isStoredInChunks_andComesBackWhole() throws IOException {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "大图商户"));
        byte[] big = image("png", 400, 400, true);  // noise does not compress: ~480 KB, two chunks
        assertTrue(big.length > 256 * 1024 && big.length <= 1024 * 1024, "size " + big.length);
        String id = ok(MerchantsFixture.file(counter, withPhoto("image/png", big)), 201).get("complaintId").asText();
        assertArrayEquals(big, photoOf(T.owner().get("/complaints/" + id + "/photo")));
    }

    @Test
    void badPhotos_areRefusedWithTheirCodes_andLeaveNoComplaint() throws IOException {
        String store = MerchantsFixture.departmentStore(T);
        JsonNode counter = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "拒图商户"));
        byte[] jpeg = image("jpg", 32, 32, false);
        // a PNG that says it is a JPEG, a GIF, an SVG, a script: not by their bytes
        Api.Res lie = MerchantsFixture.file(counter, withPhoto("image/jpeg", image("png", 8, 8, false)));
        assertEquals("complaint.photo_not_accepted", assertProblem(lie, 400).get("code").asText());
        assertFieldErrors(lie, "photo");
        for (byte[] notImage : List.of(image("gif", 8, 8, false), "<svg onload=alert(1)/>".getBytes(), "#!/bin/sh\nrm -rf /".getBytes())) {
            assertEquals("complaint.photo_not_accepted",
                    assertProblem(MerchantsFixture.file(counter, withPhoto("image/jpeg", notImage)), 400).get("code").asText());
        }
        // a type not taken, data that is not base64, no data, a photo that is not an object
        Map<String, Object> gif = withPhoto("image/gif", jpeg);
        assertFieldErrors(MerchantsFixture.file(counter, gif), "photo.contentType");
        Map<String, Object> garbled = MerchantsFixture.complaintBody(Fixtures.uniquePhone());
        garbled = new HashMap<>(garbled);
        garbled.put("photo", map("contentType", "image/jpeg", "data", "!!!not base64!!!"));
        assertFieldErrors(MerchantsFixture.file(counter, garbled), "photo.data");
        garbled.put("photo", map("contentType", "image/jpeg"));
        assertFieldErrors(MerchantsFixture.file(counter, garbled), "photo.data");
        garbled.put("photo", "data:image/jpeg;base64,AAAA");
        assertFieldErrors(MerchantsFixture.file(counter, garbled), "photo");
        // over 1 MiB: 413 with its code, before and after the body limit of the function
        byte[] over = new byte[1024 * 1024 + 1];
        System.arraycopy(jpeg, 0, over, 0, jpeg.length);
        Api.Res tooBig = MerchantsFixture.file(counter, withPhoto("image/jpeg", over));
        assertEquals("complaint.photo_too_large", assertProblem(tooBig, 413).get("code").asText(), tooBig::toString);
        assertProblem(MerchantsFixture.file(counter, withPhoto("image/jpeg", new byte[2 * 1024 * 1024])), 413);
        assertEquals(0, ok(T.owner().get("/complaints?storeId=" + store), 200).get("items").size(), "no refused filing was kept");
    }

    @Test
    void thePhoto_isNotFoundForAnotherTenant_anotherComplaintsLink_orAStoreTheStaffDoNotWorkIn() throws IOException {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "隔离商户"));
        JsonNode filed = ok(MerchantsFixture.file(counter, withPhoto("image/jpeg", image("jpg", 16, 16, false))), 201);
        JsonNode second = ok(MerchantsFixture.file(counter, withPhoto("image/jpeg", image("jpg", 16, 16, false))), 201);
        String id = filed.get("complaintId").asText();
        assertEquals("complaint.not_found", assertProblem(OTHER.owner().get("/complaints/" + id + "/photo"), 404).get("code").asText());
        String token = filed.get("trackingToken").asText();
        for (String bad : List.of("", "x", token + "x", second.get("trackingToken").asText(), counter.get("creditToken").asText())) {
            assertEquals("complaint.not_found",
                    assertProblem(Fixtures.anonymous().get("/credit/complaints/" + id + "/photo?t=" + enc(bad)), 404).get("code").asText(), bad);
        }
        assertEquals(401, Fixtures.anonymous().get("/complaints/" + id + "/photo").status(), "no sign-in, no photo");
    }
}
