package com.zhidian.purchasing.bench;

import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.EventCalendar;
import com.zhidian.purchasing.domain.forecast.Forecast;
import com.zhidian.purchasing.domain.forecast.Forecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The nightly forecast's compute for 1,000 products (goal ≤ 5 s): a year of daily history each (seeded: 70 % regular
 * sellers with a weekly season, trend and noise, 30 % intermittent), fitted, forecast 60 days with intervals and
 * backtested, one thread, as {@code ForecastJob} does per store. Run with {@code bench/forecast}; writes the figures
 * to the file named by {@code --out}. Not a test (the name does not match surefire's patterns).
 */
public final class ForecastBench {
    public static void main(String[] args) throws IOException {
        int products = 1000;
        int rounds = 5;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--products")) products = Integer.parseInt(args[++i]);
            else if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[++i]);
            else if (args[i].equals("--out")) out = args[++i];
        }
        LocalDate first = LocalDate.of(2025, 12, 4);
        List<DemandSeries> series = new ArrayList<>();
        Random r = new Random(23);
        for (int p = 0; p < products; p++) series.add(series(r, first, p % 10 < 7));
        // one unmeasured round to compile the hot paths
        run(series);
        long[] ms = new long[rounds];
        Result last = null;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            last = run(series);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        StringBuilder b = new StringBuilder();
        b.append("# Forecast benchmark\n\nWritten by `bench/forecast` (").append(ForecastBench.class.getName())
                .append("). The nightly job's compute, without DynamoDB: for each product a year of daily history, the model picked by ")
                .append("its demand class, fitted on the grid, 60 days forecast with 80/95 % intervals, and the four-week backtest against ")
                .append("seasonal naive. One thread.\n\n| | |\n|---|---|\n")
                .append("| date | ").append(Instant.now().toString(), 0, 16).append(" UTC |\n")
                .append("| machine | nproc ").append(Runtime.getRuntime().availableProcessors()).append(", load average ")
                .append(load()).append(" (shared) |\n")
                .append("| java | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(" |\n\n")
                .append("| goal | products | rounds | median ms | min ms | max ms | verdict |\n|---|---:|---:|---:|---:|---:|---|\n")
                .append("| forecasts for 1,000 products ≤ 5 s | ").append(products).append(" | ").append(rounds).append(" | ")
                .append(sorted[rounds / 2]).append(" | ").append(sorted[0]).append(" | ").append(sorted[rounds - 1]).append(" | ")
                .append(sorted[rounds / 2] <= 5000 ? "met" : "**missed**").append(" |\n\n")
                .append("Models picked: ").append(last.models).append(". Backtest on these synthetic series, mean MASE of the model against ")
                .append("seasonal naive on the same hold-out, per family: ").append(last.mase).append(".\n");
        System.out.print(b);
        if (out != null) {
            // the sample year's accuracy section is written from samplestore's ForecastBacktestTest: kept as it is
            Path o = Path.of(out);
            String prev = Files.exists(o) ? Files.readString(o) : "";
            int keep = prev.indexOf(ACCURACY);
            Files.writeString(o, b.toString() + (keep >= 0 ? "\n" + prev.substring(keep) : ""));
        }
    }

    /** The heading of the hand-kept section of the results file that a run leaves in place. */
    static final String ACCURACY = "## Accuracy on the sample year";

    record Result(String models, String mase) {}

    static Result run(List<DemandSeries> series) {
        java.util.Map<String, double[]> acc = new java.util.TreeMap<>();
        for (DemandSeries s : series) {
            Forecast f = Forecaster.forecast(s, 60, EventCalendar.tags(s.end(), 60));
            double[] a = acc.computeIfAbsent(f.model(), k -> new double[3]);
            a[0]++;
            if (f.mase() != null) { a[1] += f.mase(); a[2] += f.naiveMase(); }
        }
        StringBuilder models = new StringBuilder();
        StringBuilder mase = new StringBuilder();
        acc.forEach((m, a) -> {
            models.append(models.length() == 0 ? "" : ", ").append(m).append(' ').append((long) a[0]);
            if (a[2] > 0) mase.append(mase.length() == 0 ? "" : "; ").append(m).append(String.format(" %.3f vs %.3f (ratio %.2f)", a[1] / a[0], a[2] / a[0], a[1] / a[2]));
        });
        return new Result(models.toString(), mase.toString());
    }

    static DemandSeries series(Random r, LocalDate first, boolean regular) {
        int n = 365;
        double[] y = new double[n];
        double[] week = new double[7];
        double level = regular ? 5 + r.nextDouble() * 40 : 0.5 + r.nextDouble() * 2;
        for (int d = 0; d < 7; d++) week[d] = 1 + (d >= 5 ? 0.3 + r.nextDouble() * 0.4 : r.nextDouble() * 0.2 - 0.1);
        double trend = (r.nextDouble() - 0.5) * level / 365;
        double p = 0.1 + r.nextDouble() * 0.3;
        for (int t = 0; t < n; t++) {
            int dow = first.plusDays(t).getDayOfWeek().getValue() - 1;
            if (regular) {
                double mean = Math.max(0, (level + trend * t) * week[dow]);
                y[t] = Math.max(0, Math.round(mean + r.nextGaussian() * Math.sqrt(mean + 1)));
            } else {
                y[t] = r.nextDouble() < p ? Math.round(level + r.nextDouble() * 3) : 0;
            }
        }
        return new DemandSeries(first, y, EventCalendar.tags(first, n));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
