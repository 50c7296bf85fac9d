package com.zhidian.local.s3;

import com.zhidian.local.faults.FaultSwitch;
import com.zhidian.local.faults.Faultable;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Zhidian Local's S3 stand-in: what the functions and a browser do with an object store, and no more.
 * Path-style requests ({@code /<bucket>/<key>}) for PutObject, GetObject, HeadObject and DeleteObject, signed as
 * AWS Signature Version 4 either in the {@code Authorization} header (the SDK's S3Client) or in the query string
 * (a URL from the SDK's S3Presigner), verified with the secret of the access key ({@link SigV4}); an expired
 * presigned URL, a wrong signature or a body whose length differs from the signed {@code content-length} is 403 as
 * in S3. Answers the browser's CORS preflight for any origin (a bucket's CORS rules are not read). Objects live in
 * memory. Each PutObject tells the listeners ({@link #onObjectCreated}), as S3's event notifications do.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */
public final class S3Local implements Faultable, AutoCloseable {
    /** Larger bodies are refused (413) without being stored; S3 itself takes 5 GB in one PUT. */
    public static final int MAX_OBJECT = 64 * 1024 * 1024;

    /** An object as stored; {@code created} is when it was PUT (what a lifecycle rule counts from). */
    public record StoredObject(byte[] body, String contentType, String etag, java.time.Instant created) {}

    /**
     * The lifecycle rule subset stood in for: expire the objects whose key starts with {@code prefix} (empty: every
     * object) {@code days} after their creation, the time rounded up to the next midnight UTC, as S3 computes
     * "Expiration: Days" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html).
     * No transitions, tags, sizes, versions or dates.
     */
    public record ExpirationRule(String id, String prefix, int days) {
        /** When an object created at {@code created} expires under this rule. */
        public java.time.Instant expiresAt(java.time.Instant created) {
            java.time.Instant due = created.plus(java.time.Duration.ofDays(days));
            java.time.Instant midnight = due.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            return midnight.equals(due) ? due : midnight.plus(java.time.Duration.ofDays(1));
        }
    }

    /** What an event notification carries ({@code s3:ObjectCreated:Put}). */
    public record Created(String bucket, String key, long size, String etag) {}

    private final Http11Server server;
    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<ExpirationRule>> lifecycle = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<Created>> listeners = new CopyOnWriteArrayList<>();
    private final FaultSwitch faults = new FaultSwitch();
    private final Clock clock;

    private S3Local(String host, int port, Clock clock) throws IOException {
        this.clock = clock;
        server = new Http11Server(host, port, 64, "s3-local", MAX_OBJECT, this::answer);
    }

    /** Starts the stand-in; port 0 picks a free one. */
    public static S3Local start(String host, int port) {
        return start(host, port, Clock.systemUTC());
    }

    public static S3Local start(String host, int port, Clock clock) {
        try {
            return new S3Local(host, port, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the S3 stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** What {@code aws.endpointUrlS3} names (path-style access). */
    public URI endpoint() { return URI.create("http://localhost:" + server.port()); }

    /** An access key the stand-in accepts, and its secret. */
    public S3Local credentials(String accessKeyId, String secret) {
        secrets.put(accessKeyId, secret);
        return this;
    }

    public S3Local createBucket(String name) {
        buckets.putIfAbsent(name, new ConcurrentHashMap<>());
        return this;
    }

    public Set<String> bucketNames() { return buckets.keySet(); }

    /** Sets a bucket's lifecycle expiration rules (replacing any), applied by {@link #expire()}. */
    public S3Local lifecycle(String bucket, List<ExpirationRule> rules) {
        lifecycle.put(bucket, List.copyOf(rules));
        return this;
    }

    public List<ExpirationRule> lifecycle(String bucket) { return lifecycle.getOrDefault(bucket, List.of()); }

    /**
     * Deletes every object that a rule of its bucket has expired by now (S3 runs its lifecycle asynchronously, about
     * daily; Zhidian Local calls this hourly). Answers how many objects it deleted.
     */
    public int expire() {
        java.time.Instant now = clock.instant();
        int removed = 0;
        for (var e : lifecycle.entrySet()) {
            Map<String, StoredObject> objects = buckets.get(e.getKey());
            if (objects == null) continue;
            for (var o : objects.entrySet()) {
                for (ExpirationRule r : e.getValue()) {
                    if (o.getKey().startsWith(r.prefix()) && !now.isBefore(r.expiresAt(o.getValue().created()))) {
                        if (objects.remove(o.getKey(), o.getValue())) removed++;
                        break;
                    }
                }
            }
        }
        return removed;
    }

    /** Called after each object is stored, on the request's thread: a listener that needs time hands it off. */
    public void onObjectCreated(java.util.function.Consumer<Created> listener) { listeners.add(listener); }

    public StoredObject object(String bucket, String key) {
        Map<String, StoredObject> b = buckets.get(bucket);
        return b == null ? null : b.get(key);
    }

    @Override
    public void setUnavailable(boolean unavailable) { faults.setUnavailable(unavailable); }

    @Override
    public void setLatency(java.time.Duration latency) { faults.setLatency(latency); }

    private boolean answer(Socket socket, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        String origin = head.headers().getFirst("Origin");
        Reply r;
        try {
            r = handle(head, body);
        } catch (RuntimeException e) {
            r = Reply.error(500, "InternalError", String.valueOf(e.getMessage()));
        }
        StringBuilder h = new StringBuilder(Http11Writer.statusLine(r.status));
        r.headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        if (origin != null) {
            h.append("Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: ETag\r\n");
        }
        byte[] b = "HEAD".equals(head.method()) ? new byte[0] : r.body;
        h.append("Content-Length: ").append("HEAD".equals(head.method()) ? r.body.length : b.length).append("\r\n");
        if (close) h.append("Connection: close\r\n");
        h.append("\r\n");
        Http11Writer.write(out, h.toString(), b, b.length);
        return true;
    }

    private Reply handle(Http11Reader.Head head, byte[] body) {
        if ("OPTIONS".equals(head.method())) return preflight(head);
        faults.pause();
        if (faults.unavailable()) return Reply.error(503, "ServiceUnavailable", "Please reduce your request rate.");
        String target = head.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String[] parts = path.substring(1).split("/", 2);
        String bucket = decode(parts[0]);
        Map<String, StoredObject> objects = buckets.get(bucket);
        if (bucket.isEmpty() || objects == null) return Reply.error(404, "NoSuchBucket", "The specified bucket does not exist");
        SigV4.Verdict v = SigV4.verify(head.method(), path, query, head.headers(), secrets, clock.instant());
        if (v != SigV4.Verdict.OK) return Reply.error(403, v.code, v.message);
        if (parts.length < 2 || parts[1].isEmpty()) return Reply.error(405, "MethodNotAllowed", "bucket operations are not stood in for");
        String key = decode(parts[1]);
        switch (head.method()) {
            case "PUT" -> {
                if (body.length > MAX_OBJECT) return Reply.error(413, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
                if (head.headers().getFirst("x-amz-copy-source") != null) return Reply.error(501, "NotImplemented", "CopyObject is not stood in for");
                String etag = "\"" + HexFormat.of().formatHex(md5(body)) + "\"";
                String type = head.headers().getFirst("Content-Type");
                objects.put(key, new StoredObject(body, type == null ? "binary/octet-stream" : type, etag, clock.instant()));
                Created c = new Created(bucket, key, body.length, etag);
                for (var l : listeners) {
                    try {
                        l.accept(c);
                    } catch (RuntimeException e) {
                        System.err.println("[s3-local] an object-created listener failed: " + e);
                    }
                }
                return new Reply(200, Map.of("ETag", etag), new byte[0]);
            }
            case "GET", "HEAD" -> {
                StoredObject o = objects.get(key);
                if (o == null) return Reply.error(404, "NoSuchKey", "The specified key does not exist.");
                return new Reply(200, Map.of("ETag", o.etag(), "Content-Type", o.contentType()), o.body());
            }
            case "DELETE" -> {
                objects.remove(key);
                return new Reply(204, Map.of(), new byte[0]);
            }
            default -> {
                return Reply.error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
        }
    }

    private static Reply preflight(Http11Reader.Head head) {
        String method = head.headers().getFirst("Access-Control-Request-Method");
        if (method == null || !Set.of("GET", "PUT", "HEAD").contains(method)) {
            return Reply.error(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed.");
        }
        String asked = head.headers().getFirst("Access-Control-Request-Headers");
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Access-Control-Allow-Methods", "GET, PUT, HEAD");
        if (asked != null) h.put("Access-Control-Allow-Headers", asked);
        h.put("Access-Control-Max-Age", "3000");
        return new Reply(200, h, new byte[0]);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply error(int status, String code, String message) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                    + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>";
            return new Reply(status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
