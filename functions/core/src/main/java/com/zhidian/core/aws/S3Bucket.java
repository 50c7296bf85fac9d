package com.zhidian.core.aws;

import java.net.URI;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One bucket's S3 client and presigner, as every context that keeps files in S3 builds them: path-style (a presigned
 * URL needs no bucket host name), the endpoint from {@code AWS_ENDPOINT_URL_S3} / {@code aws.endpointUrlS3} (Zhidian
 * Local's S3 stand-in), checksums only where S3 requires them, region and credentials as every client reads them.
 * Both are built on first use, so a function's cold start does not pay for them. A context that uses this declares
 * the {@code s3} SDK module itself (it is optional in core).
 */
public final class S3Bucket {
    private static final S3Configuration PATH_STYLE = S3Configuration.builder().pathStyleAccessEnabled(true).build();
    private final String name;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public S3Bucket(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public S3Client client() {
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

    public S3Presigner presigner() {
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

    private static URI endpoint() {
        String e = System.getenv("AWS_ENDPOINT_URL_S3");
        if (e == null || e.isBlank()) e = System.getProperty("aws.endpointUrlS3");
        return e == null || e.isBlank() ? null : URI.create(e);
    }
}
