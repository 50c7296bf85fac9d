package com.zhidian.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Experiment: client-side CPU per DynamoDB call with each SDK HTTP client, interleaved rounds. */
public final class ClientCost {
    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        int threads = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        String[] kinds = args.length > 3 ? args[3].split(",") : new String[] {"apache", "crt", "url"};
        var threadsBean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 4; round++) {
            for (String kind : kinds) {
                SdkHttpClient http = switch (kind) {
                    case "apache" -> ApacheHttpClient.builder().maxConnections(64).build();
                    case "crt" -> AwsCrtHttpClient.builder().maxConcurrency(64).build();
                    default -> UrlConnectionHttpClient.builder().build();
                };
                try (DynamoDbClient db = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.CN_NORTH_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClient(http).build()) {
                    AtomicLong ops = new AtomicLong();
                    long cpu0 = threadsBean.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    long deadline = t0 + (long) (seconds * 1e9);
                    Thread[] ts = new Thread[threads];
                    for (int i = 0; i < threads; i++) {
                        int id = i;
                        ts[i] = new Thread(() -> {
                            long n = 0;
                            while (System.nanoTime() < deadline) {
                                db.getItem(b -> b.tableName("zhidian").key(Map.of("pk", AttributeValue.fromS("T#bench#" + id),
                                        "sk", AttributeValue.fromS("PROFILE"))).consistentRead(true));
                                n++;
                            }
                            ops.addAndGet(n);
                        });
                        ts[i].start();
                    }
                    for (Thread t : ts) t.join();
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpuUs = (threadsBean.getProcessCpuTime() - cpu0) / 1e3;
                    System.out.printf("round %d %-7s %6.0f calls/s  client CPU %.1f µs/call%n", round, kind, ops.get() / wall, cpuUs / ops.get());
                }
                http.close();
            }
        }
    }
}
