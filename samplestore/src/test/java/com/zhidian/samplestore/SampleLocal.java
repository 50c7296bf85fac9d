package com.zhidian.samplestore;

import com.zhidian.local.LocalConfig;
import com.zhidian.local.ZhidianLocal;

/** One in-memory Zhidian Local with the sample store loaded, shared by this module's tests. */
final class SampleLocal {
    private static ZhidianLocal local;
    private static SampleStoreLoader.Loaded loaded;
    private static Thread sampleYear;

    private SampleLocal() {}

    static synchronized ZhidianLocal local() {
        if (local == null) {
            local = ZhidianLocal.start(LocalConfig.ephemeral());
            loaded = loader().load();
            Runtime.getRuntime().addShutdownHook(new Thread(local::close));
        }
        return local;
    }

    static SampleStoreLoader loader() {
        return new SampleStoreLoader(local.gatewayUrl(), local.cognitoEndpoint(), local.userPoolId());
    }

    static synchronized SampleStoreLoader.Loaded loaded() {
        local();
        return loaded;
    }

    /**
     * Starts the browser journeys' sample year loading in the background, as the run command does (once per JVM);
     * returns its thread, whose progress is at GET /local/sample-year.
     */
    static synchronized Thread sampleYear() {
        if (sampleYear == null) {
            sampleYear = SampleYearInBackground.start(loaded(), local.gatewayUrl(), SampleYearInBackground.Size.journeys(), null,
                    line -> System.out.println("[sample-year] " + line));
        }
        return sampleYear;
    }
}
