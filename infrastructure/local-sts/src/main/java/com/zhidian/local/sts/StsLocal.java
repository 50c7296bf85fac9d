package com.zhidian.local.sts;

import com.zhidian.local.aws.AwsQuery;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An AWS STS stand-in: {@code AssumeRole} over the AWS Query protocol ({@link AwsQuery}: form-encoded POST, XML answers), as in the
 * STS API reference (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). It issues temporary
 * credentials ({@code ASIA...} key id, secret, session token, expiration) and remembers each key's role and session
 * tags, so the DynamoDB stand-in can apply the role's policy to requests signed with them. Signatures are not
 * checked and any caller may assume any role: trust policies are AWS's to enforce. {@code GetCallerIdentity} names the
 * session of the credentials that signed the request.
 */
public final class StsLocal implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** IAM's default MaxSessionDuration of a role, and the most any role allows (IAM API reference, CreateRole). */
    static final int DEFAULT_MAX_SESSION = 3600;
    static final int LONGEST_SESSION = 43_200;

    /** An AssumeRole request is a few kilobytes at most. */
    private static final int MAX_BODY = 64 * 1024;
    private final Http11Server server;
    private final Map<String, StsSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxSessionByRole = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    private StsLocal(String host, int port) throws IOException {
        server = new Http11Server(host, port, 64, "sts-local", MAX_BODY, this::answer);
    }

    public static StsLocal start(String host, int port) {
        try {
            return new StsLocal(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the STS stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() { return URI.create("http://localhost:" + server.port()); }

    /** The session behind temporary credentials this stand-in issued, or null for any other key. */
    public StsSession session(String accessKeyId) { return accessKeyId == null ? null : sessions.get(accessKeyId); }

    /** Every unexpired session issued so far. */
    public java.util.List<StsSession> sessions() { return java.util.List.copyOf(sessions.values()); }

    public Clock clock() { return clock; }

    /** Replaces the clock that dates credentials (tests). */
    public void setClock(Clock clock) { this.clock = clock; }

    /**
     * A role's MaxSessionDuration (the template's {@code AWS::IAM::Role} property; 3600 s, IAM's default, for a role not
     * told): AssumeRole's DurationSeconds above it is a ValidationError, as STS answers.
     */
    public void setMaxSessionDuration(String roleArn, int seconds) {
        if (seconds < 3600 || seconds > LONGEST_SESSION) throw new IllegalArgumentException("MaxSessionDuration is 3600 to 43200 s: " + seconds);
        maxSessionByRole.put(roleArn, seconds);
    }

    /** What one Query request answers: HTTP status, XML and the request id (also sent as x-amzn-RequestId). */
    record Answer(int status, String xml, String requestId) {
        Answer(int status, String xml) { this(status, xml, null); }
    }

    Answer answer(AwsQuery q) {
        return answer(q, null);
    }

    /** {@code callerKeyId}: the access key id of the request's signature (its Credential), or null. */
    Answer answer(AwsQuery q, String callerKeyId) {
        String requestId = UUID.randomUUID().toString();
        String action = q.get("Action");
        if ("GetCallerIdentity".equals(action)) return callerIdentity(callerKeyId, requestId);
        if (!"AssumeRole".equals(action)) {
            return error(400, "Sender", "InvalidAction", "Could not find operation " + action + " for version " + q.get("Version"), requestId);
        }
        String roleArn = q.get("RoleArn");
        String sessionName = q.get("RoleSessionName");
        if (roleArn == null || roleArn.length() < 20 || !roleArn.startsWith("arn:") || !roleArn.contains(":role/")) {
            return validation("Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: Member must be a role ARN", requestId);
        }
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            return validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]* and length 2 to 64", requestId);
        }
        long seconds;
        try {
            seconds = q.get("DurationSeconds") == null ? 3600 : Long.parseLong(q.get("DurationSeconds"));
        } catch (NumberFormatException e) {
            return validation("Value '" + q.get("DurationSeconds") + "' at 'durationSeconds' is not a number", requestId);
        }
        if (seconds < 900 || seconds > LONGEST_SESSION) {
            return validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value " + (seconds < 900 ? "greater than or equal to 900" : "less than or equal to 43200"), requestId);
        }
        if (seconds > maxSessionByRole.getOrDefault(roleArn, DEFAULT_MAX_SESSION)) {
            return error(400, "Sender", "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", requestId);
        }
        String externalId = q.get("ExternalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            return validation("Value '" + externalId + "' at 'externalId' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]* and length 2 to 1224", requestId);
        }
        String sourceIdentity = q.get("SourceIdentity");
        if (sourceIdentity != null && !SESSION_NAME.matcher(sourceIdentity).matches()) {
            return validation("Value '" + sourceIdentity + "' at 'sourceIdentity' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]* and length 2 to 64", requestId);
        }
        String policy = q.get("Policy");
        if (policy != null) {
            if (policy.isEmpty() || policy.length() > 2048) {
                return validation("Value at 'policy' failed to satisfy constraint: Member must have length between 1 and 2048", requestId);
            }
            if (!SessionPolicy.wellFormed(policy)) {
                return error(400, "Sender", "MalformedPolicyDocument", "The policy is not in the valid JSON format.", requestId);
            }
        }
        int policyArns = 0;
        for (int n = 1; q.get("PolicyArns.member." + n + ".arn") != null; n++, policyArns++) {
            String arn = q.get("PolicyArns.member." + n + ".arn");
            if (arn.length() < 20 || arn.length() > 2048) {
                return validation("Value '" + arn + "' at 'policyArns." + n + ".member.arn' failed to satisfy constraint: Member must have length between 20 and 2048", requestId);
            }
        }
        if (policyArns > 10) return validation("Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10", requestId);
        Map<String, String> tags = q.keyValues("Tags");
        if (tags.size() > 50) return validation("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50", requestId);
        // "you can't have session tags with the same key in different cases" (IAM guide, Passing session tags in STS)
        if (tags.keySet().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct().count() < tags.size()) {
            return error(400, "Sender", "InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are case insensitive.", requestId);
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String k = t.getKey(), v = t.getValue() == null ? "" : t.getValue();
            if (k.isEmpty() || k.length() > 128 || v.length() > 256 || !TAG_TEXT.matcher(k).matches() || !TAG_TEXT.matcher(v).matches()) {
                return validation("Value '" + k + "=" + v + "' at 'tags' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*", requestId);
            }
        }
        var now = clock.instant();
        sessions.values().removeIf(s -> s.expiredAt(now));
        StsSession s = new StsSession("ASIA" + random(16), secret(30), secret(120), now.plus(Duration.ofSeconds(seconds)),
                roleArn, sessionName, Map.copyOf(tags));
        sessions.put(s.accessKeyId(), s);
        // PackedPolicySize only when session policies or tags were passed, as the API reference's examples show
        Integer packed = policy == null && policyArns == 0 && tags.isEmpty() ? null : SessionPolicy.packedPercent(policy, policyArns, tags);
        if (packed != null && packed > 100) {
            sessions.remove(s.accessKeyId());
            return error(400, "Sender", "PackedPolicyTooLarge", "Packed size of session policies and tags consumes " + packed + "% of allotted space.", requestId);
        }
        return new Answer(200, StsXml.assumeRoleResponse(s, "AROA" + roleId(roleArn), packed, sourceIdentity, requestId), requestId);
    }

    /**
     * GetCallerIdentity: for credentials this stand-in issued, the assumed role's session (ExpiredToken, 403, once they
     * expired); for any other key, the account's root, as the stand-in does not know IAM users.
     */
    private Answer callerIdentity(String keyId, String requestId) {
        StsSession s = session(keyId);
        if (s != null && s.expiredAt(clock.instant())) {
            return error(403, "Sender", "ExpiredToken", "The security token included in the request is expired", requestId);
        }
        String arn = s == null ? "arn:aws:iam::000000000000:root" : s.assumedRoleArn();
        String userId = s == null ? "000000000000" : "AROA" + roleId(s.roleArn()) + ":" + s.roleSessionName();
        String account = arn.split(":")[4];
        return new Answer(200, StsXml.callerIdentityResponse(arn, userId, account, requestId), requestId);
    }

    /** The access key id in a SigV4 Authorization header ({@code Credential=<key>/<date>/...}), or null. */
    static String signingKey(String authorization) {
        if (authorization == null) return null;
        int at = authorization.indexOf("Credential=");
        if (at < 0) return null;
        int end = authorization.indexOf('/', at);
        return end < 0 ? null : authorization.substring(at + "Credential=".length(), end);
    }

    private static Answer validation(String message, String requestId) {
        return error(400, "Sender", "ValidationError", "1 validation error detected: " + message, requestId);
    }

    private static Answer error(int status, String type, String code, String message, String requestId) {
        return new Answer(status, AwsQuery.errorXml(StsXml.NAMESPACE, type, code, message, requestId), requestId);
    }

    private static String random(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = KEY_CHARS[RANDOM.nextInt(KEY_CHARS.length)];
        return new String(c);
    }

    private static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** A stable unique id per role, as IAM's AROA... role ids. */
    private static String roleId(String roleArn) {
        return UUID.nameUUIDFromBytes(roleArn.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 17).toUpperCase();
    }

    /** Query requests come as a form in a POST body or, for GET, in the query string. */
    private boolean answer(Socket socket, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        int q = head.target().indexOf('?');
        Answer a;
        try {
            a = answer(AwsQuery.of(head.method(), q < 0 ? null : head.target().substring(q + 1), body),
                    signingKey(head.headers().getFirst("Authorization")));
        } catch (RuntimeException e) {
            a = error(500, "Receiver", "InternalFailure", String.valueOf(e), UUID.randomUUID().toString());
        }
        byte[] xml = a.xml().getBytes(StandardCharsets.UTF_8);
        Http11Writer.write(out, Http11Writer.statusLine(a.status()) + "Content-Type: text/xml\r\nContent-Length: " + xml.length
                + "\r\n" + (a.requestId() == null ? "" : "x-amzn-RequestId: " + a.requestId() + "\r\n") + (close ? "Connection: close\r\n" : "") + "\r\n", xml, xml.length);
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
