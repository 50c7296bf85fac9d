package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The portal's journeys in headless Chromium (tenant-portal/e2e, Playwright) against Zhidian Local with
 * the sample store: provider onboarding, owner and members, the customer H5. The journeys' sample year loads in the
 * background meanwhile, as with the run command, and the dashboard journey waits for it (-De2e.sampleYear=false: no
 * year, and that journey says it skipped). Skipped, visibly, where Debian's chromium or the portal's npm packages are
 * missing.
 */
class BrowserJourneysTest {

    @Test
    void portalJourneys_passInHeadlessChromium() throws Exception {
        Path portal = Path.of("tenant-portal").toAbsolutePath();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium: apt-get install chromium");
        assumeTrue(Files.isDirectory(portal.resolve("node_modules/playwright-core")), "no tenant-portal/node_modules: build the portal first");
        SampleStoreLoader.Loaded sample = SampleLocal.loaded();
        boolean withYear = Boolean.parseBoolean(System.getProperty("e2e.sampleYear", "true"));
        Thread year = withYear ? SampleLocal.sampleYear() : null;
        // -De2e.only=esl-labels,orders runs those journey files (e2e/esl-labels.test.mjs, …); by default every one
        String only = System.getProperty("e2e.only", "");
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
        if (only.isBlank()) command.add("e2e/");
        else for (String name : only.split(",")) command.add("e2e/" + name.strip() + ".test.mjs");
        ProcessBuilder pb = new ProcessBuilder(command).directory(portal.toFile()).redirectErrorStream(true);
        pb.environment().put("BASE_URL", SampleLocal.local().gatewayUrl());
        pb.environment().put("SAMPLE_TENANT_ID", sample.tenantId());
        // the shelf-label journey starts a simulated label (iot/ Fleet) with this JVM's classpath, which holds iot/
        pb.environment().put("ESL_SIM_CLASSPATH", System.getProperty("java.class.path"));
        if (withYear) {
            SampleYearInBackground.Period period = SampleYearInBackground.period();
            pb.environment().put("SAMPLE_YEAR_FROM", period.from().toString());
            pb.environment().put("SAMPLE_YEAR_TO", period.to().toString());
            pb.environment().put("SAMPLE_YEAR_STORES", String.join(",", sample.storeIds()));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        System.out.println(out);
        // the year never loads on into this module's later tests (a journey run without the dashboard did not wait for it)
        if (year != null) year.join(TimeUnit.MINUTES.toMillis(10));
        assumeTrue(done, "browser journeys did not finish in 15 minutes");
        assertEquals(0, p.exitValue(), "browser journeys failed:\n" + out);
    }
}
