package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.ImportErrors;
import com.zhidian.core.aws.S3Bucket;
import com.zhidian.catalog.domain.ImportFiles;
import java.time.Duration;

/**
 * Import files in the imports bucket ({@code IMPORTS_BUCKET}): a presigned PUT URL that fixes the object's key and
 * its length (S3 refuses another length), and the function's own read of the object, through core's {@link S3Bucket}.
 */
public final class S3ImportFiles implements ImportFiles {
    private final S3Bucket bucket;

    public S3ImportFiles(String bucket) {
        this.bucket = new S3Bucket(bucket);
    }

    public static S3ImportFiles fromEnvironment() {
        return new S3ImportFiles(com.zhidian.core.Env.get("IMPORTS_BUCKET", "zhidian-imports"));
    }

    @Override
    public String uploadUrl(String key, long size, Duration valid) {
        return bucket.presigner().presignPutObject(p -> p.signatureDuration(valid)
                .putObjectRequest(o -> o.bucket(bucket.name()).key(key).contentLength(size))).url().toString();
    }

    @Override
    public byte[] read(String key, long max) {
        try {
            var head = bucket.client().headObject(h -> h.bucket(bucket.name()).key(key));
            if (head.contentLength() != null && head.contentLength() > max) throw new ImportErrors.FileTooLarge(head.contentLength());
            return bucket.client().getObjectAsBytes(g -> g.bucket(bucket.name()).key(key)).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) throw e;
            throw new ImportErrors.FileMissing();
        }
    }
}
