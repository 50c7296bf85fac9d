package com.zhidian.office.store;

import com.zhidian.core.aws.S3Bucket;
import com.zhidian.office.domain.Snapshots;
import java.time.Duration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Patrol snapshots in the snapshots bucket ({@code SNAPSHOTS_BUCKET}), through core's {@link S3Bucket}.
 */
public final class S3Snapshots implements Snapshots {
    private final S3Bucket bucket;

    public S3Snapshots(String bucket) {
        this.bucket = new S3Bucket(bucket);
    }

    public static S3Snapshots fromEnvironment() {
        return new S3Snapshots(com.zhidian.core.Env.get("SNAPSHOTS_BUCKET", "zhidian-snapshots"));
    }

    @Override
    public String uploadUrl(String key, Duration valid) {
        return bucket.presigner().presignPutObject(p -> p.signatureDuration(valid).putObjectRequest(o -> o.bucket(bucket.name()).key(key))).url().toString();
    }

    @Override
    public String viewUrl(String key, Duration valid) {
        return bucket.presigner().presignGetObject(p -> p.signatureDuration(valid).getObjectRequest(o -> o.bucket(bucket.name()).key(key))).url().toString();
    }

    @Override
    public boolean exists(String key) {
        try {
            bucket.client().headObject(h -> h.bucket(bucket.name()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }
}
