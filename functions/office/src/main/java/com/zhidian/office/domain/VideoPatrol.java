package com.zhidian.office.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Video patrol: a camera takes a checkpoint's place. In each round the cloud asks the camera once for a snapshot,
 * giving it an upload URL for a key fixed here; the camera's report of that key checks the checkpoint in. Snapshots
 * are kept for the tenant's retention, one of {@link #RETENTION_DAYS}: the key starts {@code patrol/r<days>/}, and the
 * bucket has one lifecycle expiration rule per prefix (template.yaml; Zhidian Local applies the same rules).
 */
public final class VideoPatrol {
    /** The retentions an owner may choose (days); each has its lifecycle rule on the bucket. */
    public static final Set<Integer> RETENTION_DAYS = Set.of(7, 30, 90, 180, 365);
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** How long the camera's upload URL and the portal's view URL are good for. */
    public static final Duration UPLOAD_VALID = Duration.ofMinutes(15);
    public static final Duration VIEW_VALID = Duration.ofMinutes(15);
    private static final Pattern KEY = Pattern.compile("patrol/r([0-9]{1,3})/([^/]+)/([^/]+)/([^/]+)/([^/]+)\\.jpg");

    private VideoPatrol() {}

    /** Where the snapshot of one checkpoint in one round is stored. */
    public static String snapshotKey(int retentionDays, String tenantId, String storeId, String roundId, String checkpointId) {
        return "patrol/r" + retentionDays + "/" + tenantId + "/" + storeId + "/" + roundId + "/" + checkpointId + ".jpg";
    }

    /** Whether {@code key} is the snapshot key of that checkpoint in that round (whatever retention it was asked with). */
    public static boolean isKeyOf(String key, String tenantId, String storeId, String roundId, String checkpointId) {
        Matcher m = key == null ? null : KEY.matcher(key);
        return m != null && m.matches() && RETENTION_DAYS.contains(Integer.parseInt(m.group(1))) && m.group(2).equals(tenantId)
                && m.group(3).equals(storeId) && m.group(4).equals(roundId) && m.group(5).equals(checkpointId);
    }

    /**
     * When S3 expires a snapshot taken at {@code at} under its key's rule: the days added to the object's creation
     * time, rounded up to the next midnight UTC (S3's lifecycle rule of "Expiration: Days"). Null for a key of no rule.
     */
    public static Instant expiresAt(String key, Instant at) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) return null;
        Instant due = at.plus(Duration.ofDays(Integer.parseInt(m.group(1))));
        Instant midnight = due.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return midnight.equals(due) ? due : midnight.plus(Duration.ofDays(1));
    }

    /** The camera's command in its named shadow {@code patrol}: which round and checkpoint, the key, where to PUT it. */
    public record Ask(String roundId, String checkpointId, String key, String uploadUrl) {}
}
