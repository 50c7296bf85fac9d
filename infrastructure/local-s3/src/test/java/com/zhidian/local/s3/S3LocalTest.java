package com.zhidian.local.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The stand-in through the SDK's own S3Client and S3Presigner, and a plain HTTP client as a browser would PUT. */
class S3LocalTest {
    static S3Local s3;
    static S3Client client;
    static S3Presigner presigner;
    static final List<S3Local.Created> created = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        s3 = S3Local.start("127.0.0.1", 0).credentials("local", "local-secret").createBucket("imports");
        s3.onObjectCreated(created::add);
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret"));
        var conf = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        client = S3Client.builder().region(Region.AP_EAST_1).endpointOverride(s3.endpoint()).credentialsProvider(creds)
                .serviceConfiguration(conf).httpClient(ApacheHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        presigner = S3Presigner.builder().region(Region.AP_EAST_1).endpointOverride(s3.endpoint()).credentialsProvider(creds)
                .serviceConfiguration(conf).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        presigner.close();
        s3.close();
    }

    private static URI presignPut(String key, long length, Duration valid) {
        return URI.create(presigner.presignPutObject(p -> p.signatureDuration(valid)
                .putObjectRequest(o -> o.bucket("imports").key(key).contentLength(length))).url().toString());
    }

    @Test
    void aPresignedPutStoresTheBodyWhichTheClientReadsBack() throws Exception {
        byte[] body = "gtin,name\n06901234567892,绿茶\n".getBytes(StandardCharsets.UTF_8);
        URI url = presignPut("imports/t1/a.csv", body.length, Duration.ofMinutes(5));
        var r = http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(body, client.getObjectAsBytes(g -> g.bucket("imports").key("imports/t1/a.csv")).asByteArray());
        assertTrue(created.stream().anyMatch(c -> c.key().equals("imports/t1/a.csv") && c.size() == body.length));
    }

    @Test
    void aBodyOfAnotherLengthThanSignedIsRefused() throws Exception {
        URI url = presignPut("imports/t1/b.csv", 10, Duration.ofMinutes(5));
        var r = http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[11])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("SignatureDoesNotMatch"), r.body());
        assertThrows(NoSuchKeyException.class, () -> client.getObjectAsBytes(g -> g.bucket("imports").key("imports/t1/b.csv")));
    }

    @Test
    void anExpiredOrEditedUrlIsRefused() throws Exception {
        S3Local later = S3Local.start("127.0.0.1", 0, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)))
                .credentials("local", "local-secret").createBucket("imports");
        try {
            URI url = presignPut("imports/t1/c.csv", 3, Duration.ofMinutes(5));
            URI there = URI.create(url.toString().replace(":" + s3.endpoint().getPort() + "/", ":" + later.endpoint().getPort() + "/"));
            var r = http.send(HttpRequest.newBuilder(there).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("Request has expired"), r.body());
        } finally {
            later.close();
        }
        URI url = presignPut("imports/t1/d.csv", 3, Duration.ofMinutes(5));
        URI edited = URI.create(url.toString().replace("d.csv", "e.csv"));
        var r = http.send(HttpRequest.newBuilder(edited).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
    }

    @Test
    void unsignedAndWrongSecretRequestsAreRefused() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/imports/x")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        try (S3Client wrong = S3Client.builder().region(Region.AP_EAST_1).endpointOverride(s3.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "not-the-secret")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).httpClient(ApacheHttpClient.create()).build()) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrong.putObject(p -> p.bucket("imports").key("k"), RequestBody.fromString("x")));
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void theBrowsersPreflightIsAnswered() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/imports/imports/t1/a.csv"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

}
