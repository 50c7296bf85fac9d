package com.zhidian.local.sts;

import com.zhidian.local.aws.AwsQuery;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The XML answers of the STS Query API, as in the AssumeRole API reference
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html) and its common errors
 * (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 */
final class StsXml {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsXml() {}

    /** {@code packedPolicySize} null leaves the element out (no session policy or tags); likewise {@code sourceIdentity}. */
    static String assumeRoleResponse(StsSession s, String roleId, Integer packedPolicySize, String sourceIdentity, String requestId) {
        return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>" + escape(s.assumedRoleArn()) + "</Arn>\n"
                + "      <AssumedRoleId>" + escape(roleId + ":" + s.roleSessionName()) + "</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + escape(s.accessKeyId()) + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + escape(s.secretAccessKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + escape(s.sessionToken()) + "</SessionToken>\n"
                + "      <Expiration>" + DateTimeFormatter.ISO_INSTANT.format(s.expiration().truncatedTo(ChronoUnit.SECONDS)) + "</Expiration>\n"
                + "    </Credentials>\n"
                + (packedPolicySize == null ? "" : "    <PackedPolicySize>" + packedPolicySize + "</PackedPolicySize>\n")
                + (sourceIdentity == null ? "" : "    <SourceIdentity>" + escape(sourceIdentity) + "</SourceIdentity>\n")
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + requestId + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n";
    }

    static String callerIdentityResponse(String arn, String userId, String account, String requestId) {
        return "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(arn) + "</Arn>\n"
                + "    <UserId>" + escape(userId) + "</UserId>\n"
                + "    <Account>" + escape(account) + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + requestId + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
    }

    private static String escape(String s) { return AwsQuery.escape(s); }
}
