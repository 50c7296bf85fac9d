package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.ImportErrors;
import com.zhidian.catalog.domain.ImportFiles;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Import files in the imports bucket ({@code IMPORTS_BUCKET}): a presigned PUT URL that fixes the object's key and
 * its length (S3 refuses another length), and the function's own read of the object. The SDK reads region and
 * credentials as every client of Zhidian does; the endpoint from {@code AWS_ENDPOINT_URL_S3} /
 * {@code aws.endpointUrlS3} (Zhidian Local's S3 stand-in), path-style so the URL needs no bucket host name.
 * The clients are built on first use: the API function's cold start does not pay for them.
 */
public final class S3ImportFiles implements ImportFiles {
    private final String bucket;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public S3ImportFiles(String bucket) {
        this.bucket = bucket;
    }

    public static S3ImportFiles fromEnvironment() {
        return new S3ImportFiles(com.zhidian.core.Env.get("IMPORTS_BUCKET", "zhidian-imports"));
    }

    private static URI endpoint() {
        String e = System.getenv("AWS_ENDPOINT_URL_S3");
        if (e == null || e.isBlank()) e = System.getProperty("aws.endpointUrlS3");
        return e == null || e.isBlank() ? null : URI.create(e);
    }

    private static final S3Configuration PATH_STYLE = S3Configuration.builder().pathStyleAccessEnabled(true).build();

    private S3Client client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    var b = S3Client.builder().serviceConfiguration(PATH_STYLE).httpClientBuilder(ApacheHttpClient.builder())
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
                    URI e = endpoint();
                    if (e != null) b.endpointOverride(e);
                    client = b.build();
                }
            }
        }
        return client;
    }

    private S3Presigner presigner() {
        if (presigner == null) {
            synchronized (this) {
                if (presigner == null) {
                    var b = S3Presigner.builder().serviceConfiguration(PATH_STYLE);
                    URI e = endpoint();
                    if (e != null) b.endpointOverride(e);
                    presigner = b.build();
                }
            }
        }
        return presigner;
    }

    @Override
    public String uploadUrl(String key, long size, Duration valid) {
        return presigner().presignPutObject(p -> p.signatureDuration(valid)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentLength(size))).url().toString();
    }

    @Override
    public byte[] read(String key, long max) {
        try {
            var head = client().headObject(h -> h.bucket(bucket).key(key));
            if (head.contentLength() != null && head.contentLength() > max) throw new ImportErrors.FileTooLarge(head.contentLength());
            return client().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) throw e;
            throw new ImportErrors.FileMissing();
        }
    }
}
