package com.zhidian.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code GET /local/sample-year} answers: whether the run command's sample year is loading into the sample tenant,
 * how far it is (percent of the steps, the step now running) and what it has loaded so far. The loader (samplestore)
 * reports into it; nothing else writes it. One per process: Zhidian Local loads one sample year.
 */
public final class SampleYearStatus {
    private SampleYearStatus() {}

    private static String state = "none";
    private static String tenantId;
    private static int percent;
    private static String step;
    private static Instant startedAt, finishedAt;
    private static String error;
    private static final Map<String, Long> counts = new LinkedHashMap<>();

    /** The run command will load a year into {@code tenant} (state {@code waiting}). */
    public static synchronized void waiting(String tenant) {
        state = "waiting";
        tenantId = tenant;
        percent = 0;
        step = null;
        error = null;
        startedAt = finishedAt = null;
        counts.clear();
    }

    /** The loader is at {@code percentDone} (0–100), running {@code what}; {@code loaded} replaces the counts given. */
    public static synchronized void loading(int percentDone, String what, Map<String, Long> loaded) {
        if (startedAt == null) startedAt = Instant.now();
        state = "loading";
        percent = Math.max(0, Math.min(99, percentDone));
        step = what;
        if (loaded != null) counts.putAll(loaded);
    }

    public static synchronized void done(Map<String, Long> loaded) {
        state = "done";
        percent = 100;
        step = null;
        finishedAt = Instant.now();
        if (loaded != null) counts.putAll(loaded);
    }

    /** Loaded on an earlier start (the data directory holds it already). */
    public static synchronized void loadedBefore(String tenant) {
        waiting(tenant);
        state = "done";
        percent = 100;
    }

    public static synchronized void failed(String message) {
        state = "failed";
        error = message;
        finishedAt = Instant.now();
    }

    public static synchronized ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("state", state);
        o.put("percent", percent);
        if (tenantId != null) o.put("tenantId", tenantId);
        if (step != null) o.put("step", step);
        if (startedAt != null) o.put("startedAt", startedAt.toString());
        if (finishedAt != null) o.put("finishedAt", finishedAt.toString());
        if (error != null) o.put("error", error);
        ObjectNode c = o.putObject("loaded");
        counts.forEach(c::put);
        return o;
    }
}
