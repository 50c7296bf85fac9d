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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Zhidian Local…");
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
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(Banner.text(String.valueOf(local.gatewayUrl()).replaceAll("/$", ""), data, sample, loader.sample(), millis));
        stopped.await();
    }
}
