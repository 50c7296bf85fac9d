package com.zhidian.local.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The stand-in against the AWS STS API reference's AssumeRole (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html),
 * its Common Errors, and the IAM guide's "Passing session tags in AWS STS", through the SDK's StsClient and raw
 * Query-protocol requests. Each test names the section it checks.
 */
class StsReferenceTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/tenant-data";
    private static final String LONG_ROLE = "arn:aws:iam::000000000000:role/reporting";
    static StsLocal sts;
    static StsClient client;

    @BeforeAll
    static void start() {
        sts = StsLocal.start("127.0.0.1", 0);
        sts.setMaxSessionDuration(LONG_ROLE, 43_200);
        client = StsClient.builder().endpointOverride(sts.endpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sts.close();
    }

    private static String code(Runnable call) {
        return assertThrows(StsException.class, call::run).awsErrorDetails().errorCode();
    }

    /** Common Parameters / ResponseMetadata: the request id in the XML and in x-amzn-RequestId. */
    @Test
    void theRequestId_isInTheHeaderAndTheXml() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sts.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15&RoleArn=" + ROLE + "&RoleSessionName=raw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertTrue(r.body().contains("<RequestId>" + id + "</RequestId>"), r.body());
        assertTrue(!r.body().contains("PackedPolicySize"), "no session policy or tags, no PackedPolicySize");

        AssumeRoleResponse sdk = client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("sdk"));
        assertNotNull(sdk.responseMetadata().requestId());
        assertNull(sdk.packedPolicySize());
    }

    /** AssumeRole "DurationSeconds": 900 s up to the role's MaxSessionDuration (3600 s unless the role says more), 43200 at most. */
    @Test
    void durationSeconds_isBoundedByTheRolesMaxSessionDuration() {
        assertEquals("ValidationError", code(() -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ss").durationSeconds(899))));
        client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s1").durationSeconds(3600));
        StsException over = assertThrows(StsException.class, () -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s2").durationSeconds(3601)));
        assertEquals("ValidationError", over.awsErrorDetails().errorCode());
        assertTrue(over.awsErrorDetails().errorMessage().contains("MaxSessionDuration"));
        AssumeRoleResponse twelveHours = client.assumeRole(b -> b.roleArn(LONG_ROLE).roleSessionName("s3").durationSeconds(43_200));
        assertTrue(twelveHours.credentials().expiration().isAfter(java.time.Instant.now().plusSeconds(43_000)));
        assertEquals("ValidationError", code(() -> client.assumeRole(b -> b.roleArn(LONG_ROLE).roleSessionName("s4").durationSeconds(43_201))));
    }

    /** AssumeRole "Policy" (1 to 2048 characters of JSON), MalformedPolicyDocument, PackedPolicySize. */
    @Test
    void sessionPolicies_areCheckedAndCounted() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";
        AssumeRoleResponse r = client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("pp").policy(policy));
        assertTrue(r.packedPolicySize() > 0 && r.packedPolicySize() <= 100, "" + r.packedPolicySize());
        assertThrows(MalformedPolicyDocumentException.class, () -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("pp").policy("{not json")));
        assertEquals("ValidationError", code(() -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("pp").policy("x".repeat(2049)))));
        AssumeRoleResponse tagged = client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("tt").tags(Tag.builder().key("tenant_id").value("tn_a").build()));
        assertNotNull(tagged.packedPolicySize(), "session tags count towards PackedPolicySize");
    }

    /** GetCallerIdentity: Arn, UserId and Account of the signing credentials; ExpiredToken once the session ended. */
    @Test
    void getCallerIdentity_namesTheAssumedRoleSession() {
        var root = client.getCallerIdentity();
        assertEquals("000000000000", root.account());
        assertEquals("arn:aws:iam::000000000000:root", root.arn());

        var creds = client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("who-am-i")).credentials();
        try (StsClient asRole = StsClient.builder().endpointOverride(sts.endpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var me = asRole.getCallerIdentity();
            assertEquals("arn:aws:sts::000000000000:assumed-role/tenant-data/who-am-i", me.arn());
            assertTrue(me.userId().matches("AROA[0-9A-F]{17}:who-am-i"), me.userId());
            assertEquals("000000000000", me.account());
            sts.setClock(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(2)));
            StsException expired = assertThrows(StsException.class, asRole::getCallerIdentity);
            assertEquals(403, expired.statusCode());
            assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        } finally {
            sts.setClock(java.time.Clock.systemUTC());
        }
    }

    /** IAM guide, "Passing session tags in AWS STS": tag keys are case-insensitive, so two that differ by case are refused. */
    @Test
    void tagKeys_differingOnlyByCase_areRefused() {
        assertEquals("InvalidParameterValue", code(() -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("dd").tags(
                Tag.builder().key("tenant_id").value("a").build(), Tag.builder().key("Tenant_Id").value("b").build()))));
    }

    /** AssumeRole "ExternalId" (2 to 1224, [\w+=,.@:/-]*) and "SourceIdentity" (2 to 64, echoed in the answer). */
    @Test
    void externalIdAndSourceIdentity_areValidated_andTheSourceIdentityEchoed() {
        assertEquals("ValidationError", code(() -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ee").externalId("a b"))));
        client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ee").externalId("tenant:tn_a"));
        assertEquals("ValidationError", code(() -> client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ee").sourceIdentity("x"))));
        assertEquals("clerk@store-1", client.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ee").sourceIdentity("clerk@store-1")).sourceIdentity());
    }
}
