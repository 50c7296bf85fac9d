package com.zhidian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmark run behind {@code bench/run}: cold starts, gateway overhead, every route against its
 * floor at 16 and 64 clients, points operations; one table, {@code bench/RESULTS.md}.
 */
public final class Bench {
    private Bench() {}

    /** The Zhidian Local child's pid (its CPU time per request is a figure less bent by a busy machine); -1 when attached. */
    static long serverPid = -1;

    static long serverCpu() { return serverPid < 0 ? -1 : ServerProcess.cpuMicros(serverPid); }

    /** Server CPU µs per op over a load: the CPU the whole Zhidian Local process used, divided by the ops measured. */
    record Cpu(long before) {
        static Cpu start() { return new Cpu(serverCpu()); }
        double perOp(Load.Result r, double totalSeconds) {
            long after = serverCpu();
            if (before < 0 || after < 0 || r.ops() == 0) return Double.NaN;
            // the load ran warm-up + window; scale the CPU to the measured window
            double share = totalSeconds <= 0 ? 1 : Math.min(1, r.seconds() / totalSeconds);
            return (after - before) * share / r.ops();
        }
    }

    static final class Options {
        String gateway;                       // null: start Zhidian Local as a child process
        int coldRounds = 7;
        double seconds = 1.2, warmup = 0.5, pointsSeconds = 15, slowSeconds = 5, jitWarmup = 8;
        /** The points mix run unmeasured first; unset (-1): 8 s after the routes' loads, 45 s alone, as the server starts cold. */
        double pointsWarmup = -1;
        int[] clients = {16, 64};
        int pointsClients = 16;
        int slices = 3;                       // route/floor alternations per route and concurrency
        Pattern routes = Pattern.compile(".*");
        boolean cold = true, routesOn = true, points = true, cds = true;
        List<String> serverJvm = ServerProcess.runCommandJvm();   // as ./zhidian-local starts it
        List<String> serverArgs = List.of();  // more arguments of com.zhidian.local.Main (--max-concurrent N ...)
        List<String> lambdaJvm;               // null: template's JAVA_TOOL_OPTIONS + -XX:+UseSerialGC
        Path out;
        String command = "bench/run";
    }

    public static void main(String[] args) throws Exception {
        // one keep-alive connection per client thread (the JDK keeps only 5 per destination by default)
        System.setProperty("http.maxConnections", System.getProperty("http.maxConnections", "256"));
        // never send a POST twice: the JDK otherwise resends it once when a kept-alive connection fails mid-answer
        System.setProperty("sun.net.http.retryPost", "false");
        Options o = parse(args);
        Template template = Template.load();
        Path root = template.rootDir();
        if (o.out == null) o.out = root.resolve("bench/RESULTS.md");
        Path work = root.resolve("bench/target/run");
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");

        Report report = new Report(o, template);
        report.date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        report.machine = "nproc " + Machine.nproc() + " (" + Machine.cpu() + "), memory " + Machine.memory();
        report.java = Machine.javaVersion(java);
        report.loadBefore = Machine.loadAverage();
        report.revision = Machine.gitRevision(root);
        log("machine: " + report.machine + "; load average " + report.loadBefore);

        ServerProcess server = null;
        try {
            String gateway = o.gateway;
            if (gateway == null) {
                log("starting Zhidian Local (child JVM " + String.join(" ", o.serverJvm) + ")");
                server = ServerProcess.start(java, classpath, o.serverJvm, o.serverArgs, root, work.resolve("zhidian-local.log"));
                gateway = server.gateway;
                serverPid = server.pid();
                report.server = "started by the harness: `" + String.join(" ", server.command) + "` (cwd repository root)";
            } else {
                report.server = "already running at " + gateway;
            }
            JsonNode health = Http.get(gateway + "/local/health", null).json();
            Ctx ctx = new Ctx(gateway, health);
            List<String> routeKeys = template.routeKeys();
            log("fixtures: provider admin, premium tenant, owner and staff logins" + (routeKeys.contains("POST /members") ? ", members" : ""));
            Setup.run(ctx, routeKeys);

            if (o.cold) cold(o, template, ctx, java, classpath, work, report);
            if (o.routesOn) routes(o, template, ctx, report);
            if (o.routesOn && o.routes.matcher("POST /coupons/redeem").find() && ctx.has("couponCode")) {
                log("contention: 200 clients redeem one code at once, 5 rounds");
                report.contention = Contention.run(ctx, 200, 5);
                log("contention: last answer after " + String.format("%.1f", report.contention.medianWall()) + " ms (median), exact "
                        + report.contention.exact());
            }
            if (o.points) points(o, template, ctx, report);
        } finally {
            if (server != null) server.close();
        }
        report.loadAfter = Machine.loadAverage();
        Files.writeString(o.out, report.markdown(), StandardCharsets.UTF_8);
        log("wrote " + o.out);
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------ 1. cold start

    private static void cold(Options o, Template template, Ctx ctx, String java, String classpath, Path work, Report report)
            throws Exception {
        List<String> jvm = o.lambdaJvm;
        if (jvm == null) {
            jvm = new ArrayList<>(Arrays.asList(template.javaToolOptions().trim().split("\\s+")));
            jvm.removeIf(String::isBlank);
            jvm.add("-XX:+UseSerialGC");
        }
        report.coldJvm = jvm;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("aws.endpointUrlDynamoDb", ctx.dynamoEndpoint.toString());      // the SDK's spelling
        props.put("aws.endpointUrlDynamodb", ctx.dynamoEndpoint.toString());      // as docs/wiring.md spells it
        props.put("aws.endpointUrlCognitoIdentityProvider", ctx.cognitoEndpoint.toString());
        props.put("aws.region", ctx.region);
        props.put("aws.accessKeyId", "local");
        props.put("aws.secretAccessKey", "local");
        props.put("TABLE_NAME", ctx.tableName);
        props.put("USER_POOL_ID", ctx.userPoolId);
        props.put("USER_POOL_CLIENT_ID", ctx.clientId);
        props.put("CURSOR_SECRET", "change-me-in-every-deployment");
        List<ColdStart.Target> targets = new ArrayList<>();
        String helloRoute = null;
        for (Template.Function f : template.functions()) {
            String route = null;
            Recipes.Recipe recipe = null;
            for (String k : f.routeKeys()) {
                Recipes.Recipe r = Recipes.forRoute(k);
                if (k.startsWith("GET ") && r != null && r.skipReason() == null && ctx.canFill(r.path()) && ctx.hasToken(r.role())) {
                    if (route == null || k.length() < route.length()) {
                        route = k;
                        recipe = r;
                    }
                }
            }
            if (route == null) {
                report.coldSkipped.add(f.logicalId() + " (no GET route it can call)");
                continue;
            }
            targets.add(ColdStart.target(ctx, work, f.logicalId(), f.handler(), route, recipe));
            if (helloRoute == null) helloRoute = route;
        }
        if (targets.isEmpty()) return;
        ColdStart.Target first = targets.get(0);
        targets.add(0, ColdStart.target(ctx, work, "hello", ColdStart.HELLO, first.routeKey(), Recipes.forRoute(first.routeKey())));
        ColdStart runner = new ColdStart(java, classpath, jvm, props, work);
        if (o.cds) {
            log("cold starts: AppCDS training runs (one per target)");
            targets.addAll(runner.withAppCds(new ArrayList<>(targets)));
        }
        log("cold starts: " + targets.size() + " targets × " + o.coldRounds + " rounds (fresh JVM each)");
        report.cold = runner.run(targets, o.coldRounds, 42);
        report.coldRounds = o.coldRounds;
    }

    // ------------------------------------------------------------------------------------------ 2 + 3. routes

    /**
     * The 1-client gateway-overhead window: this many requests or seconds, whichever ends first. Its p99 is then
     * the 50th-worst request, not the 15th of a 2 s window.
     */
    private static final int OVERHEAD_REQUESTS = 5_000;
    private static final double OVERHEAD_SECONDS = 10;

    private static void routes(Options o, Template template, Ctx ctx, Report report) throws Exception {
        try (DynamoDbClient db = dynamo(ctx); CognitoIdentityProviderClient cognito = Setup.cognito(ctx)) {
            Floor.Clients clients = new Floor.Clients(db, cognito);
            // gateway overhead on its own: one client, so no request waits for a CPU
            Recipes.Recipe probe = Recipes.forRoute("GET /stores");
            if (probe != null && template.routeKeys().contains("GET /stores")) {
                // first a warm-up of the paths every route shares (gateway, JWT, SDK client, stand-in; in both JVMs),
                // long enough for the JIT to finish compiling them: its threads would otherwise take the CPU mid-request
                log("warm-up: GET /stores and its floor, 16 clients, not measured");
                Load.run("warm-up", 16, 0, o.jitWarmup, Recipes.UNBOUNDED, routeCall(ctx, probe));
                Load.run("warm-up floor", 16, 0, 2, Recipes.UNBOUNDED, (client, seq) -> {
                    probe.floor().run(clients, ctx, client, seq);
                    return 200;
                });
                log("gateway overhead, 1 client, GET /stores");
                // the metrics are reset after the 1-client warm-up, so they hold the measured window only
                Load.run("overhead warm-up", 1, 0, o.warmup, Recipes.UNBOUNDED, routeCall(ctx, probe));
                Http.send("DELETE", ctx.gateway + "/local/metrics", null, null, null);
                Load.Result r = Load.run("overhead", 1, 0, Math.max(OVERHEAD_SECONDS, o.seconds), OVERHEAD_REQUESTS, routeCall(ctx, probe));
                report.overhead.add(new Report.Overhead("1 client, GET /stores (" + r.ops() + " requests)", metrics(ctx), r));
            }
            List<String> ordered = new ArrayList<>();
            for (String k : template.routeKeys()) if (k.startsWith("GET ")) ordered.add(k);
            for (String k : template.routeKeys()) if (!k.startsWith("GET ")) ordered.add(k);
            for (String key : ordered) {
                if (!o.routes.matcher(key).find()) continue;
                Recipes.Recipe recipe = Recipes.forRoute(key);
                if (recipe == null) {
                    report.notMeasured.add(key + " — no line in bench/src/main/java/com/zhidian/bench/Recipes.java");
                    continue;
                }
                if (recipe.skipReason() != null) {
                    report.notMeasured.add(key + " — " + recipe.skipReason());
                    continue;
                }
                if (recipe.before() != null) recipe.before().accept(ctx);
                if (!ctx.canFill(recipe.path()) || !ctx.hasToken(recipe.role())) {
                    report.notMeasured.add(key + " — the run has no value for a path parameter or no " + recipe.role() + " login");
                    continue;
                }
                for (int c : o.clients) {
                    log(key + ", " + c + " clients");
                    // route and floor alternate in short windows, so that both meet the same moments of a
                    // shared machine; the first window of each has the warm-up
                    Http.send("DELETE", ctx.gateway + "/local/metrics", null, null, null);
                    List<Load.Result> routeParts = new ArrayList<>(), floorParts = new ArrayList<>();
                    double routeCpuSum = 0, floorCpuSum = 0;
                    long routeOps = 0, floorOps = 0;
                    // routes that make logins answer in seconds (the Cognito stand-in hashes passwords): one longer
                    // window each, bounded in count, so that requests started in the window also end in it
                    boolean slow = recipe.maxOps() != Recipes.UNBOUNDED;
                    int slices = slow ? 1 : Math.max(1, o.slices);
                    double window = slow ? Math.max(o.seconds, o.slowSeconds) : o.seconds;
                    for (int i = 0; i < slices; i++) {
                        double warm = i == 0 ? o.warmup : 0.1;
                        Cpu cpu = Cpu.start();
                        long t0 = System.nanoTime();
                        Load.Result part = Load.run(key, c, warm, window / slices, Math.max(1, recipe.maxOps() / slices),
                                routeCall(ctx, recipe));
                        double pc = cpu.perOp(part, (System.nanoTime() - t0) / 1e9);
                        if (!Double.isNaN(pc)) {
                            routeCpuSum += pc * part.ops();
                            routeOps += part.ops();
                        }
                        routeParts.add(part);
                        if (!recipe.floor().isEmpty()) {
                            cpu = Cpu.start();
                            t0 = System.nanoTime();
                            Load.Result fp = Load.run(key + " floor", c, warm, window / slices, Math.max(1, recipe.maxOps() / slices),
                                    (client, seq) -> {
                                        recipe.floor().run(clients, ctx, client, seq);
                                        return 200;
                                    });
                            double fc = cpu.perOp(fp, (System.nanoTime() - t0) / 1e9);
                            if (!Double.isNaN(fc)) {
                                floorCpuSum += fc * fp.ops();
                                floorOps += fp.ops();
                            }
                            floorParts.add(fp);
                        }
                    }
                    // the gateway's metrics cover the route's windows only: the floor does not pass the gateway
                    JsonNode m = metrics(ctx);
                    Load.Result route = Load.merge(routeParts);
                    Load.Result floor = floorParts.isEmpty() ? null : Load.merge(floorParts);
                    double routeCpu = routeOps == 0 ? Double.NaN : routeCpuSum / routeOps;
                    double floorCpu = floorOps == 0 ? Double.NaN : floorCpuSum / floorOps;
                    report.routes.add(new Report.RouteRun(key, recipe, c, route, floor, m, routeCpu, floorCpu));
                    if (route.firstError() != null) log("  first error: " + route.firstError());
                    if (floor != null && floor.firstError() != null) log("  floor first error: " + floor.firstError());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ 4. points

    static final List<String> POINTS_ROUTES = List.of("POST /members/{memberId}/points/adjust",
            "POST /members/{memberId}/points/redeem", "GET /members/{memberId}/points");

    private static void points(Options o, Template template, Ctx ctx, Report report) throws Exception {
        List<String> present = POINTS_ROUTES.stream().filter(template.routeKeys()::contains).toList();
        report.pointsPresent = present;
        if (present.size() < POINTS_ROUTES.size() || !ctx.has("memberId")) return;
        int n = POINTS_ROUTES.size();
        // two premium tenants, so that a fast machine measures points rather than one plan's 2,000 requests a second
        Ctx[] tenants = {ctx, Setup.pointsTenant(ctx, template.routeKeys())};
        Recipes.Recipe[] recipes = new Recipes.Recipe[n];
        Load.Call[][] tenantCalls = new Load.Call[tenants.length][n];
        for (int i = 0; i < n; i++) {
            recipes[i] = Recipes.forRoute(POINTS_ROUTES.get(i));
            for (int t = 0; t < tenants.length; t++) tenantCalls[t][i] = routeCall(tenants[t], recipes[i]);
        }
        // operation seq % 3; member: a random one of a tenant's pool for each operation (concurrent changes of
        // one member happen, as at a till), and the tenant from the bits above, so route and floor see one mix
        java.util.function.LongToIntFunction opOf = seq -> (int) (seq % n);
        java.util.function.LongUnaryOperator memberOf = seq -> (seq * 0x9E3779B97F4A7C15L) >>> 40;
        java.util.function.LongToIntFunction tenantOfMember = m -> (int) ((m / Setup.MEMBERS) % tenants.length);
        java.util.function.LongToIntFunction tenantOf = seq -> tenantOfMember.applyAsInt(memberOf.applyAsLong(seq));
        Load.Call[] calls = new Load.Call[n];
        for (int i = 0; i < n; i++) {
            int op = i;
            calls[i] = (client, m) -> tenantCalls[tenantOfMember.applyAsInt(m)][op].call(client, m);
        }
        log("points: adjust / redeem / balance in turn, " + o.pointsClients + " clients on " + tenants.length
                + " tenants, " + o.pointsSeconds + " s, alternating with the same mix of raw calls (the floor)");
        Http.send("DELETE", ctx.gateway + "/local/metrics", null, null, null);
        int slices = Math.max(1, o.slices);
        List<Load.Result> routeParts = new ArrayList<>(), floorParts = new ArrayList<>();
        double routeCpu = 0, floorCpu = 0, clientCpu = 0;
        long routeOps = 0, floorOps = 0;
        long self = ProcessHandle.current().pid();
        try (DynamoDbClient db = dynamo(ctx); CognitoIdentityProviderClient cognito = Setup.cognito(ctx)) {
            Floor.Clients clients = new Floor.Clients(db, cognito);
            // the figures are of a server in its steady state: in a full run the routes' loads ran each
            // points route for a second at most, and alone (--only points) nothing has warmed the JIT
            log("warm-up: the points mix and its floor, " + o.pointsClients + " clients, " + o.pointsWarmup + " s, not measured");
            Load.run("points warm-up", o.pointsClients, 0, o.pointsWarmup, Recipes.UNBOUNDED,
                    (client, seq) -> calls[opOf.applyAsInt(seq)].call(client, memberOf.applyAsLong(seq)));
            Load.run("points warm-up floor", o.pointsClients, 0, 2, Recipes.UNBOUNDED, (client, seq) -> {
                recipes[opOf.applyAsInt(seq)].floor().run(clients, tenants[tenantOf.applyAsInt(seq)], client, memberOf.applyAsLong(seq));
                return 200;
            });
            for (int i = 0; i < slices; i++) {
                double warm = i == 0 ? o.warmup : 0.1;
                Cpu cpu = Cpu.start();
                long self0 = ServerProcess.cpuMicros(self);
                long t0 = System.nanoTime();
                Load.Result part = Load.run("points", o.pointsClients, warm, o.pointsSeconds / slices, Recipes.UNBOUNDED,
                        (client, seq) -> calls[opOf.applyAsInt(seq)].call(client, memberOf.applyAsLong(seq)), n, opOf);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                routeCpu += cpu.perOp(part, elapsed) * part.ops();
                clientCpu += (ServerProcess.cpuMicros(self) - self0) * Math.min(1, part.seconds() / elapsed);
                routeOps += part.ops();
                routeParts.add(part);
                if (i == slices - 1) report.pointsMetrics = metrics(ctx);
                cpu = Cpu.start();
                t0 = System.nanoTime();
                Load.Result fp = Load.run("points floor", o.pointsClients, warm, o.pointsSeconds / slices, Recipes.UNBOUNDED,
                        (client, seq) -> {
                            recipes[opOf.applyAsInt(seq)].floor().run(clients, tenants[tenantOf.applyAsInt(seq)], client, memberOf.applyAsLong(seq));
                            return 200;
                        }, n, opOf);
                floorCpu += cpu.perOp(fp, (System.nanoTime() - t0) / 1e9) * fp.ops();
                log(String.format("  window %d: points %.0f ops/s, p99 %.1f ms; floor %.0f ops/s, p99 %.1f ms",
                        i + 1, part.opsPerSecond(), part.p99(), fp.opsPerSecond(), fp.p99()));
                floorOps += fp.ops();
                floorParts.add(fp);
            }
        }
        report.points = Load.merge(routeParts);
        report.pointsFloor = Load.merge(floorParts);
        report.pointsCpu = routeOps == 0 ? Double.NaN : routeCpu / routeOps;
        report.pointsFloorCpu = floorOps == 0 ? Double.NaN : floorCpu / floorOps;
        report.pointsClientCpu = routeOps == 0 ? Double.NaN : clientCpu / routeOps;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The first answer other than 2xx of each route (status and the start of its body), for the report. */
    static final Map<String, String> FIRST_FAILURE = new java.util.concurrent.ConcurrentHashMap<>();

    static Load.Call routeCall(Ctx ctx, Recipes.Recipe r) {
        String token = ctx.token(r.role());
        String method = r.method();
        return (client, seq) -> {
            String url = ctx.gateway + ctx.fill(r.path(), seq);
            byte[] body = r.body() == null ? null : Http.JSON.writeValueAsBytes(r.body().apply(ctx, seq));
            Map<String, String> headers = r.idempotencyKey() ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : null;
            Http.Res res = "PATCH".equals(method) ? Http.exchange(method, url, token, body, headers)
                    : RawHttp.exchange(method, url, token, body, headers);
            if (res.status() >= 300 && !FIRST_FAILURE.containsKey(r.routeKey())) {
                String text = res.body() == null ? "" : res.body().replaceAll("\\s+", " ");
                FIRST_FAILURE.putIfAbsent(r.routeKey(), res.status() + " " + (text.length() > 240 ? text.substring(0, 240) + "…" : text));
            }
            return res.status();
        };
    }

    static JsonNode metrics(Ctx ctx) {
        Http.Res r = Http.get(ctx.gateway + "/local/metrics", null);
        return r.status() == 200 ? r.json() : null;
    }

    static DynamoDbClient dynamo(Ctx ctx) {
        return DynamoDbClient.builder().endpointOverride(ctx.dynamoEndpoint).region(Region.of(ctx.region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1))   // as the functions' AwsClients
                        .socketTimeout(Duration.ofSeconds(3)).maxConnections(256).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(5)).build())
                .build();
    }

    static void log(String s) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }

    private static Options parse(String[] args) {
        Options o = new Options();
        StringBuilder cmd = new StringBuilder("bench/run");
        for (String a : args) cmd.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--gateway" -> o.gateway = args[++i].replaceAll("/$", "");
                case "--cold-rounds" -> o.coldRounds = Integer.parseInt(args[++i]);
                case "--seconds" -> o.seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> o.warmup = Double.parseDouble(args[++i]);
                case "--jit-warmup" -> o.jitWarmup = Double.parseDouble(args[++i]);
                case "--points-warmup" -> o.pointsWarmup = Double.parseDouble(args[++i]);
                case "--points-seconds" -> o.pointsSeconds = Double.parseDouble(args[++i]);
                case "--clients" -> o.clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--routes" -> o.routes = Pattern.compile(args[++i]);
                case "--only" -> {
                    List<String> on = List.of(args[++i].split(","));
                    o.cold = on.contains("cold");
                    o.routesOn = on.contains("routes");
                    o.points = on.contains("points");
                }
                case "--server-jvm" -> o.serverJvm = List.of(args[++i].trim().split("\\s+"));
                case "--server-args" -> o.serverArgs = List.of(args[++i].trim().split("\\s+"));
                case "--no-cds" -> o.cds = false;
                case "--slices" -> o.slices = Integer.parseInt(args[++i]);
                case "--lambda-jvm" -> o.lambdaJvm = List.of(args[++i].trim().split("\\s+"));
                case "--out" -> o.out = Path.of(args[++i]).toAbsolutePath();
                case "--quick" -> {
                    o.coldRounds = 3;
                    o.seconds = 1;
                    o.warmup = 0.5;
                    o.pointsSeconds = 2;
                    o.jitWarmup = 2;
                    o.pointsWarmup = 2;
                }
                case "-h", "--help" -> {
                    System.out.println("""
                            usage: bench/run [--quick] [--only cold,routes,points] [--routes REGEX] [--clients 16,64]
                                             [--seconds S] [--warmup S] [--jit-warmup S] [--points-warmup S] [--points-seconds S] [--cold-rounds N]
                                             [--gateway URL] [--server-jvm 'OPTS'] [--server-args 'ARGS'] [--lambda-jvm 'OPTS'] [--no-cds] [--slices N] [--out FILE]
                            see bench/README.md""");
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown argument " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        // alone, the server starts cold, and on 2 cores the JIT takes most of a minute to compile the points path
        if (o.pointsWarmup < 0) o.pointsWarmup = o.routesOn ? 8 : 45;
        o.command = cmd.toString();
        return o;
    }
}
