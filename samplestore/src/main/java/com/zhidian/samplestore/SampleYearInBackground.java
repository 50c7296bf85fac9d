package com.zhidian.samplestore;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.local.SampleYearStatus;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a sample year into the sample tenant on a background thread while Zhidian Local already answers, reporting
 * into {@code GET /local/sample-year}: the run command's way, and the browser journeys' (a smaller year, so that CI
 * stays quick). The year is the last 52 whole weeks before this week (it ends by yesterday, so today's figures are
 * the live ones), from the same generator with its seasons, holidays and channels; only its size differs.
 */
public final class SampleYearInBackground {
    private SampleYearInBackground() {}

    /**
     * How big a year: products, members and each sample store's demand scale (one store per scale, in order).
     */
    public record Size(int products, int members, List<Double> storeScales) {
        /** The run command's: one store, 80 products, 2,000 members (-Dzhidian.sampleYear.members), in minutes. */
        public static Size runCommand() {
            return new Size(80, Integer.getInteger("zhidian.sampleYear.members", 2000), List.of(0.15));
        }

        /** The browser journeys': both sample stores, 40 products, 300 members (about 3,600 orders, a few regular sellers). */
        public static Size journeys() {
            return new Size(40, 300, List.of(0.6, 0.05));
        }
    }

    /** The first and last day of the year that {@link #start} loads today. */
    public record Period(LocalDate from, LocalDate to) {}

    public static Period period() {
        LocalDate from = LocalDate.now(SampleYearLoader.ZONE).minusDays(364).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(from, from.plusDays(DAYS - 1));
    }

    private static final int DAYS = 364;
    private static final long SEED = 42;

    /**
     * Starts loading; returns the thread (a daemon at low priority). {@code marker}: a file that says the year is in
     * the data directory already (then nothing loads and the status says done); null for an in-memory Zhidian Local.
     */
    public static Thread start(SampleStoreLoader.Loaded sample, String gatewayUrl, Size size, Path marker, Consumer<String> log) {
        if (marker != null && Files.exists(marker)) {
            SampleYearStatus.loadedBefore(sample.tenantId());
            return null;
        }
        SampleYearStatus.waiting(sample.tenantId());
        Thread t = new Thread(() -> {
            try {
                long began = System.nanoTime();
                SampleYear year = new SampleYear(config(size));
                log.accept("loading the sample year in the background… (progress: " + gatewayUrl + "/local/sample-year)");
                // no completion at the Stripe stand-in: it dates a completion now, so the year's card money would land on
                // today's reconciliation as thousands of false mismatches; the card payments are recorded in Zhidian only
                // and the year's refunds are cash refunds
                long paid = new SampleYearLoader(AwsClients.dynamo(), year, sample.tenantId(), sample.storeIds(), null)
                        .onProgress(p -> {
                            if ("done".equals(p.state())) SampleYearStatus.done(p.loaded());
                            else SampleYearStatus.loading(p.percent(), p.step(), p.loaded());
                        })
                        .load(log);
                if (marker != null) Files.writeString(marker, paid + " orders\n");
                log.accept("the sample year is loaded: " + paid + " orders in " + (System.nanoTime() - began) / 1_000_000_000 + " s");
            } catch (Exception e) {
                SampleYearStatus.failed(String.valueOf(e));
                System.err.println("[zhidian-local] the sample year did not load: " + e);
            }
        }, "sample-year");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** The sample tenant's two stores, in its order: the convenience store, then the supermarket. */
    static SampleYear.Config config(Size size) {
        List<SampleYear.Store> both = List.of(new SampleYear.Store("sample-0", StoreKind.CONVENIENCE, 0),
                new SampleYear.Store("sample-market", StoreKind.SUPERMARKET, 0));
        if (size.storeScales().size() > both.size()) throw new IllegalArgumentException("the sample tenant has two stores");
        List<SampleYear.Store> stores = new java.util.ArrayList<>();
        for (int i = 0; i < size.storeScales().size(); i++)
            stores.add(new SampleYear.Store(both.get(i).key(), both.get(i).kind(), size.storeScales().get(i)));
        return new SampleYear.Config(SEED, period().from(), DAYS, size.products(), size.members(), stores);
    }
}
