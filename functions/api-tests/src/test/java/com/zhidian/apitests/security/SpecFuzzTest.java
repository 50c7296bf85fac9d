package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.core.http.Chinese;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Spec-driven fuzzing: for every operation of docs/openapi.yaml, seeded bad inputs (wrong types, missing and
 * extra fields, huge strings, Unicode edge cases with lone surrogates escaped in JSON, RTL and zero-width
 * characters, emoji, negative and overflowing numbers, malformed JSON, wrong content types, invalid UTF-8,
 * bad cursors and limits, bad path ids, bad Idempotency-Keys). Goal: no 5xx; every error a problem document
 * with a status among 400/404/409/413/415/422; input the spec forbids never accepted; a 400 for a bad field
 * names it; a problem for a reader who asked for zh-CN (every other case) is in Chinese. {@code -Dfuzz.seed=N}
 * replays a run, {@code -Dfuzz.cases=N} sizes it (default 10,200), {@code -Dfuzz.only=i} runs one case.
 */
class SpecFuzzTest {
    private static final Set<Integer> ALLOWED = Set.of(200, 201, 204, 400, 404, 409, 413, 415, 422);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyOperation_badInputs_noServerError_problemAnswers_refusedWhenTheSpecForbids() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        int total = Integer.getInteger("fuzz.cases", 10_200);
        Integer only = Integer.getInteger("fuzz.only");
        System.out.println("[security] fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");

        Fixtures.TenantFixture f = Fixtures.newTenant("premium", 2);
        Fixtures.TenantFixture g = Fixtures.newTenant("premium", 1);        // the provider's PATCH target: may end up suspended
        World.Objects objects = World.make(f, f.storeIds().get(0));
        Party owner = new Party("owner F", "owner", f.owner(), f, null);
        Party staff = new Party("staff F", "staff", f.staff(f.storeIds().get(0)), f, f.storeIds().get(0));
        Party customer = World.customerOf("customer F", objects);
        Party provider = new Party("provider", "provider_admin", Fixtures.provider(), null, null);
        Map<String, String> path = new LinkedHashMap<>(objects.ids());
        path.put("tenantId", g.tenantId());
        String foreignCursor = Fixtures.provider().get("/admin/tenants?limit=1").json().path("nextCursor").asText(null);
        Map<String, String> foreign = new LinkedHashMap<>(World.get().objectsA.ids());
        foreign.keySet().removeIf(n -> ObjectRegistry.byParam(n).scope() == ObjectRegistry.Scope.NONE);   // "marketing_push" is everyone's
        Fuzzer.Ctx ctx = new Fuzzer.Ctx(path, objects.refs(), foreign, foreignCursor);

        List<SpecOps.Op> ops = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<SpecOps.Op, Party> actor = new LinkedHashMap<>();
        for (SpecOps.Op op : SpecOps.all()) {
            Party p = null;
            for (Party c : new Party[] {owner, staff, customer, provider}) if (c != null && op.roles().contains(c.role())) { p = c; break; }
            if (p == null) { skipped.add(op.key() + " (no caller for " + op.roles() + ")"); continue; }
            if (op.pathParamNames().stream().anyMatch(n -> !path.containsKey(n))) { skipped.add(op.key() + " (path parameter not in ObjectRegistry)"); continue; }
            if (op.method().equals("DELETE") && op.pathParamNames().isEmpty()) { skipped.add(op.key() + " (nothing to fuzz but the deletion itself)"); continue; }
            ops.add(op);
            actor.put(op, p);
        }
        int perOp = (total + ops.size() - 1) / ops.size();
        Fuzzer fuzzer = new Fuzzer(seed);

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> groups = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int o = 0; o < ops.size(); o++) {
            SpecOps.Op op = ops.get(o);
            Party p = actor.get(op);
            for (int k = 0; k < perOp; k++) {
                int index = o * perOp + k;
                if (only != null && only != index) continue;
                futures.add(pool.submit(() -> {
                    FuzzCase c = fuzzer.generate(index, op, ctx);
                    HttpResponse<String> r;
                    try {
                        r = send(p.api().token(), c, index % 2 == 1 ? "zh-CN" : "en");
                    } catch (Exception e) {
                        failures.add("no answer (" + e + "): " + c.describe());
                        return;
                    }
                    sent.incrementAndGet();
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    kinds.computeIfAbsent(c.kind(), s -> new AtomicInteger()).incrementAndGet();
                    String why = judge(c, r, index % 2 == 1);
                    if (why != null) {
                        failures.add(why + ": " + c.describe() + " → " + r.statusCode() + " " + abbreviate(r.body()));
                        groups.computeIfAbsent(why + " | " + op.key() + " | " + c.kind() + " " + c.detail().replaceAll("[0-9a-f-]{36}", ""),
                                key -> why + ": " + c.describe() + " → " + r.statusCode() + " " + abbreviate(r.body()));
                    }
                }));
            }
        }
        for (Future<?> fu : futures) fu.get();
        pool.shutdown();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[security] fuzz: seed %d, %d cases over %d operations (%d each) in %.1f s (%.0f/s), %d failures;"
                        + " statuses %s; kinds %s%s%n", seed, sent.get(), ops.size(), perOp, secs, sent.get() / secs, failures.size(),
                new TreeMap<>(statuses), new TreeMap<>(kinds), skipped.isEmpty() ? "" : "; not fuzzed: " + skipped);
        if (!GISTS.isEmpty()) System.out.println("[security] fuzz: Chinese gist with the English kept (no entry in problem-words.zh-CN.tsv): " + new TreeSet<>(GISTS));
        List<String> shown = new ArrayList<>(new TreeMap<>(groups).values());
        if (shown.size() > 60) shown = shown.subList(0, 60);
        List<String> list = shown;
        assertTrue(failures.isEmpty(), () -> failures.size() + " fuzz failures in " + groups.size() + " kinds with seed " + seed
                + " (replay: -Dfuzz.seed=" + seed + " [-Dfuzz.only=<#case>]); one of each kind:\n  " + String.join("\n  ", list));
        if (only == null) assertTrue(sent.get() >= Math.min(total, 10_000), "at least 10,000 cases per run");
    }

    /** Null when the answer is acceptable; else why not. */
    static String judge(FuzzCase c, HttpResponse<String> r, boolean chinese) {
        int s = r.statusCode();
        if (s >= 500) return "server error";
        if (s >= 400) {
            String ct = r.headers().firstValue("content-type").orElse("");
            if (!ct.startsWith("application/problem+json")) return "error without a problem document (" + ct + ")";
            JsonNode p;
            try {
                p = Api.JSON.readTree(r.body());
            } catch (Exception e) {
                return "unreadable problem document";
            }
            if (p.path("status").asInt() != s || !p.hasNonNull("title") || !p.hasNonNull("type")) return "malformed problem document";
            if (chinese) {
                if (english(p) != null) return "English words for a zh-CN reader";
                p.path("errors").forEach(e -> { if (e.path("message").asText().matches(".*（[ -~]+）")) GISTS.add(e.path("message").asText()); });
            }
        }
        if (!ALLOWED.contains(s)) return "unexpected status";
        if (c.only() != null && !c.only().contains(s)) return "expected " + c.only();
        if (c.mustRefuse() && s < 300) return "accepted input the spec forbids";
        if (s == 400 && c.field() != null && c.mustRefuse()) {
            try {
                List<String> named = new ArrayList<>();
                Api.JSON.readTree(r.body()).path("errors").forEach(e -> named.add(e.path("field").asText()));
                String f = c.field();
                boolean ok = named.stream().anyMatch(n -> n.equals(f) || n.equals("body") || f.startsWith(n + ".") || f.startsWith(n + "[")
                        || n.startsWith(f + ".") || n.startsWith(f + "["));
                if (!ok) return "400 does not name " + f + " (names " + named + ")";
            } catch (Exception e) {
                return "unreadable problem document";
            }
        }
        return null;
    }

    private static final Set<String> GISTS = ConcurrentHashMap.newKeySet();

    /** The first of the problem's title, detail and field messages that a Chinese reader would get in English, else null. */
    static String english(JsonNode problem) {
        List<String> texts = new ArrayList<>();
        texts.add(problem.path("title").asText());
        texts.add(problem.path("detail").asText(""));
        problem.path("errors").forEach(e -> texts.add(e.path("code").asText() + ": " + e.path("message").asText()));
        for (String t : texts) {
            String words = t.replaceFirst("^[a-z_.]+: ", "");
            if (!words.isEmpty() && !Chinese.isChinese(words) && words.matches("(?s).*[A-Za-z]{3,}.*")) return t;
        }
        return null;
    }

    private static HttpResponse<String> send(String token, FuzzCase c, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Local.gatewayUrl() + c.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.header("Accept-Language", language);
        if (c.contentType() != null) b.header("Content-Type", c.contentType());
        if (c.idempotencyKey() != null) b.header("Idempotency-Key", c.idempotencyKey());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
