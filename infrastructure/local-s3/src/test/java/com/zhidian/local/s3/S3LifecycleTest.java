package com.zhidian.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The lifecycle subset: "Expiration: Days" by key prefix, counted from each object's PUT, rounded up to midnight UTC. */
class S3LifecycleTest {
    /** A clock the test moves. */
    static final class Moving extends Clock {
        final AtomicReference<Instant> now;
        Moving(Instant start) { now = new AtomicReference<>(start); }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    @Test
    void expiresOnlyUnderTheRulesPrefix_atTheNextMidnightUtcAfterItsDays() throws Exception {
        // the presigned URLs are signed on the real clock, so the objects are created now
        Instant created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (created.equals(created.truncatedTo(java.time.temporal.ChronoUnit.DAYS))) created = created.plusSeconds(1);
        Moving clock = new Moving(created);
        try (S3Local s3 = S3Local.start("127.0.0.1", 0, clock).credentials("local", "s").createBucket("snaps");
             S3Presigner presigner = S3Presigner.builder().region(Region.AP_EAST_1).endpointOverride(s3.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "s")))
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            s3.lifecycle("snaps", List.of(new S3Local.ExpirationRule("r7", "patrol/r7/", 7), new S3Local.ExpirationRule("r30", "patrol/r30/", 30)));
            HttpClient http = HttpClient.newHttpClient();
            for (String key : List.of("patrol/r7/a.jpg", "patrol/r30/a.jpg", "other/a.jpg")) {
                URI url = presigner.presignPutObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                        .putObjectRequest(o -> o.bucket("snaps").key(key))).url().toURI();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFF, (byte) 0xD8}))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            // e.g. 7 days after 12-01 10:30 is 12-08 10:30, rounded up to 12-09 00:00 UTC
            Instant sevenDays = created.plus(java.time.Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(1));
            assertEquals(Instant.parse("2026-12-09T00:00:00Z"), new S3Local.ExpirationRule("r7", "", 7).expiresAt(Instant.parse("2026-12-01T10:30:00Z")));
            assertEquals(Instant.parse("2026-12-08T00:00:00Z"), new S3Local.ExpirationRule("r7", "", 7).expiresAt(Instant.parse("2026-12-01T00:00:00Z")));
            clock.now.set(sevenDays.minusSeconds(1));
            assertEquals(0, s3.expire());
            clock.now.set(sevenDays);
            assertEquals(1, s3.expire());
            assertNull(s3.object("snaps", "patrol/r7/a.jpg"));
            assertNotNull(s3.object("snaps", "patrol/r30/a.jpg"));
            clock.now.set(created.plus(java.time.Duration.ofDays(31)));
            assertEquals(1, s3.expire());
            assertNull(s3.object("snaps", "patrol/r30/a.jpg"));
            clock.now.set(Instant.parse("2030-01-01T00:00:00Z"));
            assertEquals(0, s3.expire(), "no rule covers other/");
            assertNotNull(s3.object("snaps", "other/a.jpg"));
        }
    }
}
