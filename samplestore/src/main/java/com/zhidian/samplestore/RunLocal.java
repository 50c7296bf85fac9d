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
        QuietStdout.install();
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
     * none), its progress at GET /local/sample-year: {@link SampleYearInBackground}'s run-command size.
     */
    private static void loadSampleYear(Path data, SampleStoreLoader.Loaded sample, String gatewayUrl) {
        if (!Boolean.parseBoolean(System.getProperty("zhidian.sampleYear", "true"))) return;
        SampleYearInBackground.start(sample, gatewayUrl, SampleYearInBackground.Size.runCommand(), data.resolve("sample-year.done"),
                line -> System.out.println("  " + line));
    }
}
