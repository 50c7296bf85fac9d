package com.zhidian.local.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.local.aws.AwsQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/** The STS stand-in: Query-protocol parsing, the AssumeRole XML and its errors, and the SDK reading both. */
class StsLocalTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/tenant-data";

    @Test
    void parsesFormEncodingAndTagLists() {
        AwsQuery q = AwsQuery.parse("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr"
                + "&RoleSessionName=s+1&Tags.member.1.Key=tenant_id&Tags.member.1.Value=tn_a&Tags.member.2.Key=k&Tags.member.2.Value=");
        assertEquals("AssumeRole", q.get("Action"));
        assertEquals("arn:aws:iam::1:role/r", q.get("RoleArn"));
        assertEquals("s 1", q.get("RoleSessionName"));
        assertEquals(Map.of("tenant_id", "tn_a", "k", ""), q.keyValues("Tags"));
        assertEquals(Map.of(), AwsQuery.parse("").keyValues("Tags"));
    }

    @Test
    void assumeRoleAnswersTheReferenceXmlAndRemembersTheSession() throws Exception {
        try (StsLocal sts = StsLocal.start("127.0.0.1", 0)) {
            sts.setClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
            StsLocal.Answer a = sts.answer(AwsQuery.parse("Action=AssumeRole&Version=2011-06-15&RoleArn=" + ROLE
                    + "&RoleSessionName=tenant-tn_a&DurationSeconds=900&Tags.member.1.Key=tenant_id&Tags.member.1.Value=tn_a"));
            assertEquals(200, a.status());
            Document d = xml(a.xml());
            assertEquals("AssumeRoleResponse", d.getDocumentElement().getTagName());
            assertEquals(StsXml.NAMESPACE, d.getDocumentElement().getAttribute("xmlns"));
            String key = text(d, "AccessKeyId");
            assertTrue(key.matches("ASIA[A-Z2-7]{16}"), key);
            assertEquals("2026-01-02T03:19:05Z", text(d, "Expiration"));
            assertEquals("arn:aws:sts::000000000000:assumed-role/tenant-data/tenant-tn_a", text(d, "Arn"));
            assertTrue(text(d, "AssumedRoleId").startsWith("AROA") && text(d, "AssumedRoleId").endsWith(":tenant-tn_a"));
            assertNotNull(text(d, "RequestId"));

            StsSession s = sts.session(key);
            assertEquals(ROLE, s.roleArn());
            assertEquals(Map.of("tenant_id", "tn_a"), s.tags());
            assertEquals(text(d, "SecretAccessKey"), s.secretAccessKey());
            assertEquals(text(d, "SessionToken"), s.sessionToken());
            assertNull(sts.session("AKIAOTHER"));
        }
    }

    @Test
    void errorsAreQueryProtocolErrorResponses() throws Exception {
        try (StsLocal sts = StsLocal.start("127.0.0.1", 0)) {
            assertError(sts.answer(AwsQuery.parse("Action=GetSessionToken&Version=2011-06-15")), "InvalidAction");
            assertError(sts.answer(AwsQuery.parse("Action=AssumeRole&RoleArn=" + ROLE)), "ValidationError");
            assertError(sts.answer(AwsQuery.parse("Action=AssumeRole&RoleSessionName=ab")), "ValidationError");
            assertError(sts.answer(AwsQuery.parse("Action=AssumeRole&RoleArn=" + ROLE + "&RoleSessionName=ab&DurationSeconds=60")), "ValidationError");
            // a wildcard in a tag would become a wildcard in ${aws:PrincipalTag/...}: STS refuses it
            assertError(sts.answer(AwsQuery.parse("Action=AssumeRole&RoleArn=" + ROLE
                    + "&RoleSessionName=ab&Tags.member.1.Key=tenant_id&Tags.member.1.Value=%2A")), "ValidationError");
        }
    }

    @Test
    void theSdkAssumesTheRoleAndReadsErrors() {
        try (StsLocal sts = StsLocal.start("127.0.0.1", 0);
             StsClient client = StsClient.builder().endpointOverride(sts.endpoint()).region(Region.of("cn-north-1"))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            AssumeRoleResponse r = client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("tenant-tn_b")
                    .tags(Tag.builder().key("tenant_id").value("tn_b").build()));
            assertEquals(Map.of("tenant_id", "tn_b"), sts.session(r.credentials().accessKeyId()).tags());
            assertTrue(r.credentials().expiration().isAfter(Instant.now().plusSeconds(3500)));
            assertEquals("arn:aws:sts::000000000000:assumed-role/tenant-data/tenant-tn_b", r.assumedRoleUser().arn());

            StsException e = assertThrows(StsException.class, () -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("x")));
            assertEquals(400, e.statusCode());
            assertEquals("ValidationError", e.awsErrorDetails().errorCode());

            try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(client)
                    .refreshRequest(b -> b.roleArn(ROLE).roleSessionName("tenant-tn_c")
                            .tags(Tag.builder().key("tenant_id").value("tn_c").build())).build()) {
                AwsSessionCredentials c = (AwsSessionCredentials) provider.resolveCredentials();
                assertEquals("tn_c", sts.session(c.accessKeyId()).tags().get("tenant_id"));
                assertEquals(c.sessionToken(), sts.session(c.accessKeyId()).sessionToken());
            }
        }
    }

    private static void assertError(StsLocal.Answer a, String code) throws Exception {
        assertEquals(400, a.status(), a.xml());
        Document d = xml(a.xml());
        assertEquals("ErrorResponse", d.getDocumentElement().getTagName());
        assertEquals("Sender", text(d, "Type"));
        assertEquals(code, text(d, "Code"));
        assertTrue(!text(d, "Message").isBlank());
    }

    private static Document xml(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String tag) {
        return d.getElementsByTagName(tag).item(0).getTextContent();
    }
}
