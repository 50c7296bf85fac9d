package com.zhidian.office.store;

import com.zhidian.office.domain.Snapshots;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Patrol snapshots in the snapshots bucket ({@code SNAPSHOTS_BUCKET}), path-style, the endpoint from
 * {@code AWS_ENDPOINT_URL_S3} / {@code aws.endpointUrlS3} as the catalog's import files. Clients are built on first use.
 */
public final class S3Snapshots implements Snapshots {
    private static final S3Configuration PATH_STYLE = S3Configuration.builder().pathStyleAccessEnabled(true).build();
    private final String bucket;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public S3Snapshots(String bucket) {
        this.bucket = bucket;
    }

    public static S3Snapshots fromEnvironment() {
        return new S3Snapshots(com.zhidian.core.Env.get("SNAPSHOTS_BUCKET", "zhidian-snapshots"));
    }

    private static URI endpoint() {
        String e = System.getenv("AWS_ENDPOINT_URL_S3");
        if (e == null || e.isBlank()) e = System.getProperty("aws.endpointUrlS3");
        return e == null || e.isBlank() ? null : URI.create(e);
    }

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
    public String uploadUrl(String key, Duration valid) {
        return presigner().presignPutObject(p -> p.signatureDuration(valid).putObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
    }

    @Override
    public String viewUrl(String key, Duration valid) {
        return presigner().presignGetObject(p -> p.signatureDuration(valid).getObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
    }

    @Override
    public boolean exists(String key) {
        try {
            client().headObject(h -> h.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }
}
