package com.zhidian.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cold start per function of template.yaml against the bare hello handler: each sample is a fresh
 * {@code java} process running {@link com.zhidian.bench.cold.ColdProbe}; samples of all targets are
 * interleaved round by round (shuffled within a round), and the median of each is reported.
 */
public final class ColdStart {
    public static final String HELLO = "com.zhidian.bench.cold.HelloHandler::handleRequest";

    public record Target(String name, String handler, String routeKey, Path eventFile, List<String> extraJvm) {
        Target withCds(Path archive) {
            return new Target(name + " + AppCDS", handler, routeKey, eventFile, List.of("-XX:SharedArchiveFile=" + archive));
        }
    }

    public record Sample(double totalMs, double toMainMs, double initMs, double invokeMs, int status) {}

    public static final class Result {
        public final Target target;
        public final List<Sample> samples = new ArrayList<>();
        public int classesLoaded = -1, classesFromCds = -1;
        public String failure;
        Result(Target t) { target = t; }
        public double median(java.util.function.ToDoubleFunction<Sample> f) {
            List<Double> l = new ArrayList<>();
            samples.forEach(s -> l.add(f.applyAsDouble(s)));
            return Stats.median(l);
        }
        public double min() { return samples.stream().mapToDouble(Sample::totalMs).min().orElse(Double.NaN); }
        public double max() { return samples.stream().mapToDouble(Sample::totalMs).max().orElse(Double.NaN); }
    }

    private final String java;
    private final String classpath;
    private final List<String> jvmOptions;
    private final Map<String, String> properties;
    private final Path work;

    public ColdStart(String java, String classpath, List<String> jvmOptions, Map<String, String> properties, Path work) {
        this.java = java;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        this.properties = properties;
        this.work = work;
    }

    /** The event of one GET route of a function, written for the probe. */
    public static Target target(Ctx ctx, Path work, String name, String handler, String routeKey, Recipes.Recipe recipe)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("handler", handler);
        p.setProperty("routeKey", routeKey);
        String path = ctx.fill(recipe.path(), 0);
        int q = path.indexOf('?');
        p.setProperty("rawPath", q < 0 ? path : path.substring(0, q));
        p.setProperty("rawQuery", q < 0 ? "" : path.substring(q + 1));
        // path parameters as the gateway would extract them from the recipe's path
        String[] routeParts = routeKey.substring(routeKey.indexOf(' ') + 1).split("/");
        String[] pathParts = p.getProperty("rawPath").split("/");
        for (int i = 0; i < routeParts.length && i < pathParts.length; i++) {
            if (routeParts[i].startsWith("{")) p.setProperty("path." + routeParts[i].substring(1, routeParts[i].length() - 1), pathParts[i]);
        }
        Ctx.claims(ctx.token(recipe.role())).forEach((k, v) -> p.setProperty("claim." + k, v));
        Files.createDirectories(work);
        Path file = work.resolve("cold-" + name + ".properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "cold-start event of " + routeKey);
        }
        return new Target(name, handler, routeKey, file, List.of());
    }

    /**
     * The experiment behind the "likely cause" of a missed goal: each target again with an AppCDS archive of
     * the classes its own cold start loads (one training run with -XX:ArchiveClassesAtExit), so the table
     * shows what class loading from jars costs.
     */
    public List<Target> withAppCds(List<Target> targets) throws IOException, InterruptedException {
        List<Target> out = new ArrayList<>();
        for (Target t : targets) {
            Path archive = work.resolve("cds-" + t.name() + ".jsa");
            Files.deleteIfExists(archive);
            sample(t, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dbench.exit=normal"));
            for (int i = 0; i < 100 && !Files.exists(archive); i++) Thread.sleep(100);
            if (Files.exists(archive)) out.add(t.withCds(archive));
        }
        return out;
    }

    public List<Result> run(List<Target> targets, int rounds, long seed) throws Exception {
        Map<Target, Result> results = new LinkedHashMap<>();
        targets.forEach(t -> results.put(t, new Result(t)));
        Random random = new Random(seed);
        // one unmeasured round first: the OS file cache, not the JVM, would otherwise decide sample 1
        List<Target> order = new ArrayList<>(targets);
        for (Target t : order) sample(t, List.of());
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (Target t : order) {
                Result r = results.get(t);
                if (r.failure != null) continue;
                try {
                    Sample s = sample(t, List.of());
                    r.samples.add(s);
                    if (s.status() >= 300) r.failure = "answered " + s.status();
                } catch (Exception e) {
                    r.failure = e.getMessage();
                }
            }
        }
        // one more run each with class-load logging (not among the samples): how much each start loads
        for (Target t : targets) {
            Path log = work.resolve("classload-" + t.name().replace(' ', '_') + ".txt");
            try {
                sample(t, List.of("-Xlog:class+load=info:file=" + log));
                List<String> lines = Files.readAllLines(log);
                Result r = results.get(t);
                r.classesLoaded = lines.size();
                r.classesFromCds = (int) lines.stream().filter(l -> l.contains("shared objects file")).count();
            } catch (Exception e) {
                // diagnostics only
            }
        }
        return new ArrayList<>(results.values());
    }

    private Sample sample(Target t, List<String> extraOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(t.extraJvm());
        cmd.addAll(extraOptions);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("com.zhidian.bench.cold.ColdProbe");
        cmd.add(t.eventFile().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false)
                .redirectError(work.resolve("cold-" + t.name().replace(' ', '_') + ".stderr").toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long spawnMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("BENCH-COLD ")) continue;
                double total = (System.nanoTime() - t0) / 1e6;
                Map<String, String> f = new LinkedHashMap<>();
                for (String kv : line.substring(11).split(" ")) {
                    int eq = kv.indexOf('=');
                    f.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                int status = Integer.parseInt(f.get("status"));
                String body = status >= 300 ? out.readLine() : null;
                Sample s = new Sample(total, Long.parseLong(f.get("mainEpochMillis")) - spawnMillis,
                        Long.parseLong(f.get("initMicros")) / 1000.0, Long.parseLong(f.get("invokeMicros")) / 1000.0, status);
                if (status >= 300) System.err.println("[bench] cold start of " + t.name() + " answered " + status + ": " + body);
                return s;
            }
        } finally {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        throw new IOException("the probe of " + t.name() + " ended without an answer (exit " + p.exitValue()
                + "); see " + work.resolve("cold-" + t.name() + ".stderr"));
    }
}
