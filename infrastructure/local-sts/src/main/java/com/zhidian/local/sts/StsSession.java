package com.zhidian.local.sts;

import java.time.Instant;
import java.util.Map;

/** Temporary credentials the STS stand-in issued, and what they stand for: the role, the session and its tags. */
public record StsSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                         String roleArn, String roleSessionName, Map<String, String> tags) {

    /** {@code arn:aws:sts::<account>:assumed-role/<role name>/<session name>}, the principal AWS names in errors. */
    public String assumedRoleArn() {
        String account = roleArn.split(":", 6).length > 4 ? roleArn.split(":", 6)[4] : "000000000000";
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + roleSessionName;
    }

    public boolean expiredAt(Instant now) { return !now.isBefore(expiration); }
}
