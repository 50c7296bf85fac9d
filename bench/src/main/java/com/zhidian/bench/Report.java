package com.zhidian.bench;

import static com.zhidian.bench.Stats.ms;
import static com.zhidian.bench.Stats.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** bench/RESULTS.md: one table per figure, with the date, the machine and the command. */
final class Report {
    record Overhead(String load, JsonNode metrics, Load.Result result) {}

    record RouteRun(String routeKey, Recipes.Recipe recipe, int clients, Load.Result route, Load.Result floor, JsonNode metrics,
                    double cpuMicros, double floorCpuMicros) {}

    private final Bench.Options options;
    private final Template template;
    String date, machine, java, loadBefore, loadAfter, revision, server;
    List<String> coldJvm = List.of();
    List<ColdStart.Result> cold;
    int coldRounds;
    final List<String> coldSkipped = new ArrayList<>();
    final List<Overhead> overhead = new ArrayList<>();
    final List<RouteRun> routes = new ArrayList<>();
    final List<String> notMeasured = new ArrayList<>();
    List<String> pointsPresent = List.of();
    Load.Result points, pointsFloor;
    double pointsCpu = Double.NaN, pointsFloorCpu = Double.NaN, pointsClientCpu = Double.NaN;
    JsonNode pointsMetrics;
    /** 200 clients redeeming one code at once (null: not run). */
    Contention.Result contention;
    static final String NOT_JUDGED = "**not judged: some answers were not 2xx**";

    Report(Bench.Options options, Template template) {
        this.options = options;
        this.template = template;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Zhidian benchmarks\n\n");
        md.append("Written by `bench/run` (see [README.md](README.md) for what each figure means). ")
          .append("Figures from one run; every ratio compares figures of that same run.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(date).append(" |\n");
        md.append("| command | `").append(options.command).append("` |\n");
        md.append("| machine | ").append(machine).append(" |\n");
        md.append("| java | ").append(java.replace("|", "/")).append(" |\n");
        md.append("| load average (1/5/15 min) | before ").append(loadBefore).append(", after ").append(loadAfter)
          .append(" (the machine is shared: other builds ran alongside) |\n");
        md.append("| revision | ").append(revision).append(" |\n");
        md.append("| Zhidian Local | ").append(server).append(" |\n\n");

        coldSection(md);
        overheadSection(md);
        routeSection(md);
        pointsSection(md);
        contentionSection(md);
        return md.toString();
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private void contentionSection(StringBuilder md) {
        md.append("## 5. Coupons: clients contending for one code\n\n");
        if (contention == null) {
            md.append("Not run in this run (it runs with the routes when `--routes` matches `POST /coupons/redeem`).\n\n");
            return;
        }
        double[] all = contention.all();
        md.append(contention.clients()).append(" staff clients send `POST /coupons/redeem` for the same code at once (released together, ")
          .append("each over its own kept-alive connection), a fresh code each round, ").append(contention.rounds().size())
          .append(" rounds after one unmeasured round.\n\n");
        md.append("| rounds | last answer after (median, ms) | per request p50 ms | p99 ms | max ms | answers | exactly one 200 per round |\n");
        md.append("|---:|---:|---:|---:|---:|---|---|\n");
        Map<Integer, Integer> total = new java.util.TreeMap<>();
        contention.rounds().forEach(r -> r.statuses().forEach((k, v) -> total.merge(k, v, Integer::sum)));
        md.append("| ").append(contention.rounds().size()).append(" | ").append(String.format("%.1f", contention.medianWall()))
          .append(" | ").append(String.format("%.1f", pct(all, 50))).append(" | ").append(String.format("%.1f", pct(all, 99)))
          .append(" | ").append(String.format("%.1f", all.length == 0 ? Double.NaN : all[all.length - 1])).append(" | ").append(total)
          .append(" | ").append(contention.exact() ? "yes" : "**no**").append(" |\n\n");
    }

    // ------------------------------------------------------------------------------------------------ 1

    private void coldSection(StringBuilder md) {
        md.append("## 1. Cold start: JVM start to first answer (goal ≤ 1.5× hello)\n\n");
        if (cold == null) {
            md.append("Not run in this run.\n\n");
            return;
        }
        md.append("Fresh `java` per sample (`").append(String.join(" ", coldJvm))
          .append("`, the template's JAVA_TOOL_OPTIONS plus Lambda's serial GC), handler loaded by its Handler name, ")
          .append("one GET event with JWT claims, `handleRequest` once against the stand-ins of the running Zhidian Local. ")
          .append("Median of ").append(coldRounds).append(" samples per target, interleaved (shuffled each round, after one unmeasured round).\n\n");
        md.append("| function | route invoked | median ms | min–max ms | × hello | goal | JVM→main ms | load+init ms | first invoke ms | classes loaded (from CDS) |\n");
        md.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        double hello = Double.NaN;
        for (ColdStart.Result r : cold) if (r.target.name().equals("hello")) hello = r.median(ColdStart.Sample::totalMs);
        for (ColdStart.Result r : cold) {
            double med = r.median(ColdStart.Sample::totalMs);
            boolean isHello = r.target.name().equals("hello");
            boolean experiment = r.target.name().endsWith(" + AppCDS");
            String goal = isHello ? "baseline" : experiment ? (r.failure != null ? "failed: " + r.failure
                    : String.format("experiment (%.2f×)", med / hello)) : r.failure != null ? "**failed: " + r.failure + "**"
                    : med / hello <= 1.5 ? "met" : String.format("**missed by %.0f ms** (%.2f× vs 1.5×)", med - 1.5 * hello, med / hello);
            md.append("| ").append(isHello ? "hello (bare RequestHandler)" : r.target.name())
              .append(" | ").append(r.target.routeKey())
              .append(" | ").append(ms(med))
              .append(" | ").append(ms(r.min())).append("–").append(ms(r.max()))
              .append(" | ").append(isHello ? "1.00×" : ratio(med, hello))
              .append(" | ").append(goal)
              .append(" | ").append(ms(r.median(ColdStart.Sample::toMainMs)))
              .append(" | ").append(ms(r.median(ColdStart.Sample::initMs)))
              .append(" | ").append(ms(r.median(ColdStart.Sample::invokeMs)))
              .append(" | ").append(r.classesLoaded < 0 ? "—" : r.classesLoaded + " (" + r.classesFromCds + ")")
              .append(" |\n");
        }
        if (cold.stream().anyMatch(r -> r.target.name().endsWith(" + AppCDS"))) {
            md.append("\nRows *+ AppCDS* are an experiment, not a goal: the same start with an application class-data archive of the classes ")
              .append("that target's own cold start loads (made by one training run with `-XX:ArchiveClassesAtExit`); ")
              .append("the difference is what loading and verifying classes from jars costs. Ratios are against the plain hello row.\n");
        }
        if (!coldSkipped.isEmpty()) md.append("\nNot measured: ").append(String.join("; ", coldSkipped)).append(".\n");
        md.append('\n');
    }

    // ------------------------------------------------------------------------------------------------ 2

    private void overheadSection(StringBuilder md) {
        md.append("## 2. Gateway overhead per request: gateway time − handler time (goal p99 ≤ 1 ms)\n\n");
        if (overhead.isEmpty() && routes.isEmpty()) {
            md.append("Not run in this run.\n\n");
            return;
        }
        md.append("From Zhidian Local's own `GET /local/metrics` (reset with `DELETE /local/metrics` before each load). ")
          .append("The gateway's time runs from its handler being called to the answer written; the handler's is the function's `handleRequest`. ")
          .append("The gateway runs at most twice as many API requests at once as there are cores; the time a request waits for its turn ")
          .append("is counted apart (*waited*), not as overhead. With more runnable threads than cores the overhead still includes waiting for a CPU.\n\n");
        md.append("| load | requests | overhead p50 µs | overhead p99 µs | goal | handler p50 µs | handler p99 µs | waited p99 µs |\n");
        md.append("|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (Overhead o : overhead) overheadRow(md, o.load(), o.metrics());
        for (int c : options.clients) {
            // the worst route at this concurrency, and the median route
            List<RouteRun> runs = routes.stream().filter(r -> r.clients() == c && r.metrics() != null
                    && r.metrics().path("requests").asLong() > 0).toList();
            if (runs.isEmpty()) continue;
            RouteRun worst = runs.stream().max((a, b) -> Double.compare(p99(a.metrics()), p99(b.metrics()))).get();
            RouteRun best = runs.stream().min((a, b) -> Double.compare(p99(a.metrics()), p99(b.metrics()))).get();
            overheadRow(md, c + " clients, best route (" + best.routeKey() + ")", best.metrics());
            overheadRow(md, c + " clients, worst route (" + worst.routeKey() + ")", worst.metrics());
        }
        md.append("\nPer route and concurrency: column *gw p99 µs* of section 3.\n\n");
    }

    private static double p99(JsonNode m) { return m.path("gatewayOverheadMicros").path("p99").asDouble(); }

    private static void overheadRow(StringBuilder md, String load, JsonNode m) {
        if (m == null) {
            md.append("| ").append(load).append(" | — | — | — | GET /local/metrics unavailable | — | — | — |\n");
            return;
        }
        JsonNode ov = m.path("gatewayOverheadMicros");
        JsonNode h = m.path("handlerMicros");
        double p99 = ov.path("p99").asDouble();
        md.append("| ").append(load)
          .append(" | ").append(m.path("requests").asLong())
          .append(" | ").append(String.format("%.0f", ov.path("p50").asDouble()))
          .append(" | ").append(String.format("%.0f", p99))
          .append(" | ").append(p99 <= 1000 ? "met" : String.format("**missed by %.2f ms**", (p99 - 1000) / 1000))
          .append(" | ").append(String.format("%.0f", h.path("p50").asDouble()))
          .append(" | ").append(String.format("%.0f", h.path("p99").asDouble()))
          .append(" | ").append(String.format("%.0f", m.path("queuedMicros").path("p99").asDouble()))
          .append(" |\n");
    }

    // ------------------------------------------------------------------------------------------------ 3

    private void routeSection(StringBuilder md) {
        md.append("## 3. Routes against their floor, 16 and 64 concurrent clients\n\n");
        if (routes.isEmpty() && notMeasured.isEmpty()) {
            md.append("Not run in this run.\n\n");
            return;
        }
        md.append("Each route alone, closed loop (each client sends its next request when the last is answered), ")
          .append(String.format("%.1f s warm-up then %.1f s measured (routes that create logins: one window of %.0f s, at most %d requests)",
                  options.warmup, options.seconds, Math.max(options.seconds, options.slowSeconds), Recipes.LOGINS))
          .append(", premium-plan tenant (2,000 requests/s per function). Floor: the raw calls the route must make, ")
          .append("in order, with the AWS SDK against the same DynamoDB (and Cognito) stand-in, same clients; route and floor alternate in ")
          .append(options.slices).append(" windows each, so both meet the same moments of a shared machine. ")
          .append("*× floor* = route ÷ floor for latency; *floor ÷ route* for throughput (how much the route's own work costs). ")
          .append("*CPU ms/op*: CPU time of the whole Zhidian Local process (gateway, function, stand-ins) per request, ")
          .append("and for the floor per floor sequence (the stand-ins' share only: the SDK calls of the floor run in the harness); ")
          .append("on a shared machine this moves less than latency does. ")
          .append("Every DynamoDB call, of a route and of its floor alike, goes through the AWS SDK's Apache HTTP client (as `AwsClients` builds it).\n\n");
        md.append("| route | clients | ops | non-2xx | p50 ms | p99 ms | ops/s | CPU ms/op | floor: calls | floor p50 ms | floor p99 ms | floor ops/s | floor CPU ms/op | p50 × floor | p99 × floor | ops/s floor ÷ route | gw p99 µs |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RouteRun r : routes) {
            Load.Result x = r.route(), f = r.floor();
            md.append("| `").append(r.routeKey()).append("`")
              .append(" | ").append(r.clients())
              .append(" | ").append(x.ops())
              .append(" | ").append(x.non2xx() == 0 ? "0" : x.non2xx() + " (" + x.statusText() + ")")
              .append(" | ").append(ms(x.p50()))
              .append(" | ").append(ms(x.p99()))
              .append(" | ").append(String.format("%.0f", x.opsPerSecond()))
              .append(" | ").append(ms(r.cpuMicros() / 1000))
              .append(" | ").append(f == null ? "— (no line in Recipes.java)" : r.recipe().floor().describe())
              .append(" | ").append(f == null ? "—" : ms(f.p50()))
              .append(" | ").append(f == null ? "—" : ms(f.p99()))
              .append(" | ").append(f == null ? "—" : String.format("%.0f", f.opsPerSecond()) + (f.errors() > 0 ? " (" + f.errors() + " errors)" : ""))
              .append(" | ").append(f == null ? "—" : ms(r.floorCpuMicros() / 1000))
              .append(" | ").append(f == null ? "—" : ratio(x.p50(), f.p50()))
              .append(" | ").append(f == null ? "—" : ratio(x.p99(), f.p99()))
              .append(" | ").append(f == null ? "—" : ratio(f.opsPerSecond(), x.opsPerSecond()))
              .append(" | ").append(r.metrics() == null ? "—" : String.format("%.0f", p99(r.metrics())))
              .append(" |\n");
        }
        Set<String> measured = new TreeSet<>();
        routes.forEach(r -> measured.add(r.routeKey()));
        List<String> failures = new ArrayList<>();
        for (String k : measured) {
            String f = Bench.FIRST_FAILURE.get(k);
            if (f != null) failures.add("- `" + k + "`: " + f.replace("|", "/"));
        }
        if (!failures.isEmpty()) {
            md.append("\nFirst answer other than 2xx, per route:\n");
            failures.forEach(f -> md.append(f).append('\n'));
        }
        if (!notMeasured.isEmpty()) {
            md.append("\nNot measured:\n");
            notMeasured.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Set<String> spec = template.openApiOperations();
        Set<String> inTemplate = new TreeSet<>(template.routeKeys());
        Set<String> onlySpec = new TreeSet<>(spec);
        onlySpec.removeAll(inTemplate);
        if (!spec.isEmpty() && !onlySpec.isEmpty()) {
            md.append("\nIn docs/openapi.yaml but not yet in template.yaml (not served, so not measured): ")
              .append(String.join(", ", onlySpec)).append(".\n");
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------------------------------------ 4

    private void pointsSection(StringBuilder md) {
        md.append("## 4. Points operations, ").append(options.pointsClients)
          .append(" concurrent clients (goal ≥ 1,000 ops/s and p99 ≤ 20 ms)\n\n");
        if (points == null) {
            List<String> missing = new ArrayList<>(Bench.POINTS_ROUTES);
            missing.removeAll(pointsPresent);
            md.append(missing.isEmpty() ? "Not run in this run.\n\n"
                    : "Not measured: not yet in template.yaml: " + String.join(", ", missing)
                      + ". The harness measures them as soon as the members function lists them.\n\n");
            return;
        }
        md.append(String.format("`POST …/points/adjust` (+10), `POST …/points/redeem` (5 points) and `GET …/points` in turn, "
                + "each on a random one of %d members of two premium tenants (%d each, each with a large balance), each POST with its own Idempotency-Key; "
                + "%.0f s of the same mix first, not measured (the server's steady state), then %.1f s measured, alternating in %d windows with the same mix of raw calls (the floor).%n%n",
                2 * Setup.MEMBERS, Setup.MEMBERS, options.pointsWarmup, options.pointsSeconds, options.slices));
        md.append("| operation | ops | p50 ms | p99 ms | floor: calls | floor p50 ms | floor p99 ms | p99 × floor |\n|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (int i = 0; i < Bench.POINTS_ROUTES.size(); i++) {
            long[] a = points.sortedMicrosByTag()[i];
            long[] f = pointsFloor == null ? new long[0] : pointsFloor.sortedMicrosByTag()[i];
            double p99 = Stats.percentile(a, 99) / 1000, fp99 = Stats.percentile(f, 99) / 1000;
            md.append("| `").append(Bench.POINTS_ROUTES.get(i)).append("` | ").append(a.length)
              .append(" | ").append(ms(Stats.percentile(a, 50) / 1000)).append(" | ").append(ms(p99))
              .append(" | ").append(Recipes.forRoute(Bench.POINTS_ROUTES.get(i)).floor().describe())
              .append(" | ").append(ms(Stats.percentile(f, 50) / 1000)).append(" | ").append(ms(fp99))
              .append(" | ").append(ratio(p99, fp99)).append(" |\n");
        }
        double ops = points.opsPerSecond();
        double p99 = points.p99();
        // answers other than 2xx (a 429 is quick) would flatter both figures: the goal is then not judged
        boolean refused = points.non2xx() > 0;
        md.append("\n| all points operations | ops | non-2xx | ops/s | goal ≥ 1,000 | p50 ms | p99 ms | goal ≤ 20 ms | Zhidian Local CPU ms/op |\n|---|---:|---|---:|---|---:|---:|---|---:|\n");
        md.append("| mixed 1:1:1 | ").append(points.ops())
          .append(" | ").append(points.non2xx() == 0 ? "0" : points.non2xx() + " (" + points.statusText() + ")")
          .append(" | ").append(String.format("%.0f", ops))
          .append(" | ").append(refused ? NOT_JUDGED : ops >= 1000 ? "met" : String.format("**missed by %.0f ops/s** (%.0f%% of the goal)", 1000 - ops, ops / 10))
          .append(" | ").append(ms(points.p50()))
          .append(" | ").append(ms(p99))
          .append(" | ").append(refused ? NOT_JUDGED : p99 <= 20 ? "met" : String.format("**missed by %.1f ms**", p99 - 20))
          .append(" | ").append(ms(pointsCpu / 1000))
          .append(" |\n");
        if (pointsFloor != null) {
            md.append("| the same mix of raw calls (floor) | ").append(pointsFloor.ops())
              .append(" | ").append(pointsFloor.errors() == 0 ? "0" : pointsFloor.errors() + " errors")
              .append(" | ").append(String.format("%.0f", pointsFloor.opsPerSecond()))
              .append(" | ").append(pointsFloor.opsPerSecond() >= 1000 ? "the stand-in allows it" : "**the stand-in alone stays below it**")
              .append(" | ").append(ms(pointsFloor.p50()))
              .append(" | ").append(ms(pointsFloor.p99()))
              .append(" | ").append(pointsFloor.p99() <= 20 ? "the stand-in allows it" : "**the stand-in alone stays above it**")
              .append(" | ").append(ms(pointsFloorCpu / 1000)).append(" (stand-ins only)")
              .append(" |\n");
        }
        if (!Double.isNaN(pointsCpu)) {
            int cores = Machine.nproc();
            double ceiling = cores * 1e6 / pointsCpu;
            md.append(String.format("%nCPU per points operation: Zhidian Local %.2f ms, the load generator %.2f ms. "
                    + "At that cost, %d cores serve at most ≈ %.0f ops/s (≈ %.0f ops/s with the load generator on the same cores)%s. "
                    + "(CPU per operation measured on the shared machine: contention inflates it somewhat, so read this as a rough bound.)%n",
                    pointsCpu / 1000, pointsClientCpu / 1000, cores, ceiling,
                    Double.isNaN(pointsClientCpu) ? ceiling : cores * 1e6 / (pointsCpu + pointsClientCpu),
                    ceiling < 1000 ? ": **below the goal however the work is scheduled: the CPU per operation has to come down**" : ""));
        }
        if (pointsMetrics != null) {
            md.append("\nGateway overhead during this load (GET /local/metrics): p50 ")
              .append(String.format("%.0f", pointsMetrics.path("gatewayOverheadMicros").path("p50").asDouble())).append(" µs, p99 ")
              .append(String.format("%.0f", p99(pointsMetrics))).append(" µs; handler p50 ")
              .append(String.format("%.0f", pointsMetrics.path("handlerMicros").path("p50").asDouble())).append(" µs, p99 ")
              .append(String.format("%.0f", pointsMetrics.path("handlerMicros").path("p99").asDouble())).append(" µs; waited for a turn p50 ")
              .append(String.format("%.0f", pointsMetrics.path("queuedMicros").path("p50").asDouble())).append(" µs, p99 ")
              .append(String.format("%.0f", pointsMetrics.path("queuedMicros").path("p99").asDouble())).append(" µs.\n");
        }
        md.append('\n');
    }
}
