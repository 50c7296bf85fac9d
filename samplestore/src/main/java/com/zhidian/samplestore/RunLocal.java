package com.zhidian.samplestore;

import com.zhidian.local.LocalConfig;
import com.zhidian.local.ZhidianLocal;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: Zhidian Local on http://localhost:3000 with data under .zhidian/, the sample store
 * loaded on first start, then the addresses and sample logins. Ctrl-C stops it cleanly.
 */
public final class RunLocal {
    private RunLocal() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path data = Path.of(System.getProperty("zhidian.data", ".zhidian")).toAbsolutePath();
        System.setProperty("LOG_LEVEL", System.getProperty("LOG_LEVEL", "WARN"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        ZhidianLocal local = ZhidianLocal.start(LocalConfig.defaults().dataDir(data));
        CountDownLatch stopped = new CountDownLatch(1);
        SampleFleet[] fleet = new SampleFleet[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Zhidian Local…");
            if (fleet[0] != null) fleet[0].close();
            try {
                local.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
            stopped.countDown();
        }, "zhidian-local-stop"));
        SampleStoreLoader loader = new SampleStoreLoader(String.valueOf(local.gatewayUrl()).replaceAll("/$", ""),
                URI.create(String.valueOf(local.cognitoEndpoint())), local.userPoolId());
        SampleStoreLoader.Loaded sample = loader.load();
        // a small fleet of simulated shelf labels in the first sample store (-Dzhidian.labels=0: none)
        int labels = Integer.getInteger("zhidian.labels", 6);
        if (labels > 0 && local.iot() != null) {
            try {
                fleet[0] = SampleFleet.start(String.valueOf(local.gatewayUrl()).replaceAll("/$", ""), loader.ownerToken(),
                        sample.storeIds().get(0), loader.sampleGtins(labels), data.resolve("sample-fleet.json"),
                        local.iot().endpoints().mqttHost(), local.iot().endpoints().mqttPort());
                System.out.println("  " + fleet[0].labels() + " simulated shelf labels connected in the first sample store");
            } catch (Exception e) {
                System.err.println("[zhidian-local] the sample shelf labels did not start: " + e);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(Banner.text(String.valueOf(local.gatewayUrl()).replaceAll("/$", ""), data, sample, loader.sample(), millis));
        loadSampleYear(data, sample, String.valueOf(local.gatewayUrl()).replaceAll("/$", ""));
        stopped.await();
    }

    /**
     * The sample year, in the background once the portal is usable, once per data directory (-Dzhidian.sampleYear=false:
     * none), its progress at GET /local/sample-year. A scaled-down year of one store (80 products, 2,000 members by
     * default: -Dzhidian.sampleYear.members) so that it loads in minutes; the full model is in samplestore's year package.
     */
    private static void loadSampleYear(Path data, SampleStoreLoader.Loaded sample, String gatewayUrl) {
        if (!Boolean.parseBoolean(System.getProperty("zhidian.sampleYear", "true"))) return;
        Path marker = data.resolve("sample-year.done");
        if (java.nio.file.Files.exists(marker)) {
            com.zhidian.local.SampleYearStatus.loadedBefore(sample.tenantId());
            return;
        }
        com.zhidian.local.SampleYearStatus.waiting(sample.tenantId());
        Thread t = new Thread(() -> {
            try {
                java.time.LocalDate start = java.time.LocalDate.now(SampleYearLoader.ZONE).minusDays(364)
                        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                int members = Integer.getInteger("zhidian.sampleYear.members", 2000);
                var year = new com.zhidian.samplestore.year.SampleYear(new com.zhidian.samplestore.year.SampleYear.Config(42, start, 364, 80, members,
                        java.util.List.of(new com.zhidian.samplestore.year.SampleYear.Store("sample-0",
                                com.zhidian.samplestore.year.StoreKind.CONVENIENCE, 0.15))));
                System.out.println("  loading the sample year in the background… (progress: " + gatewayUrl + "/local/sample-year)");
                long paid = new SampleYearLoader(com.zhidian.core.aws.AwsClients.dynamo(), year, sample.tenantId(), sample.storeIds(), gatewayUrl)
                        .onProgress(p -> {
                            if ("done".equals(p.state())) com.zhidian.local.SampleYearStatus.done(p.loaded());
                            else com.zhidian.local.SampleYearStatus.loading(p.percent(), p.step(), p.loaded());
                        })
                        .load(line -> System.out.println("  " + line));
                java.nio.file.Files.writeString(marker, paid + " orders\n");
                System.out.println("  the sample year is loaded: " + paid + " orders");
            } catch (Exception e) {
                com.zhidian.local.SampleYearStatus.failed(String.valueOf(e));
                System.err.println("[zhidian-local] the sample year did not load: " + e);
            }
        }, "sample-year");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
