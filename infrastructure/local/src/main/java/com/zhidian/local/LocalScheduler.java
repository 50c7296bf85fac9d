package com.zhidian.local;

import com.zhidian.local.aws.Json;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.template.SamTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for EventBridge (Scheduler) rules: every {@code Type: Schedule} event of a function in
 * template.yaml invokes that function with a scheduled event, at its {@code rate(...)}, as AWS would
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 * {@code cron(...)} expressions are not emulated: such a schedule runs only on demand
 * ({@code POST /local/schedules/<FunctionLogicalId>}), which also serves tests and a developer in a hurry.
 */
public final class LocalScheduler implements AutoCloseable {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

    public record Schedule(String functionId, String eventName, String expression, Duration every, boolean enabled) {}

    private final List<Schedule> schedules;
    private final Map<String, LambdaFunction> functions;
    private final String region;
    private final Map<String, Instant> lastRun = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhidian-local-scheduler");
        t.setDaemon(true);
        return t;
    });

    public LocalScheduler(SamTemplate template, Map<String, LambdaFunction> functions, String region) {
        this.functions = functions;
        this.region = region;
        this.schedules = read(template);
    }

    /** Starts the timers of every enabled rate schedule; the first run comes one period after start. */
    public LocalScheduler start() {
        for (Schedule s : schedules) {
            if (s.enabled() && s.every() != null) {
                long ms = s.every().toMillis();
                timer.scheduleAtFixedRate(() -> runQuietly(s.functionId()), ms, ms, TimeUnit.MILLISECONDS);
            }
        }
        return this;
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    /** Invokes a scheduled function now and answers what it returned. */
    public Object runNow(String functionId) throws Throwable {
        LambdaFunction f = functions.get(functionId);
        if (f == null || schedules.stream().noneMatch(s -> s.functionId().equals(functionId))) {
            throw new IllegalArgumentException("no scheduled function " + functionId);
        }
        lastRun.put(functionId, Instant.now());
        return f.invoke(event(functionId));
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("schedules");
        for (Schedule s : schedules) {
            ObjectNode n = items.addObject();
            n.put("function", s.functionId());
            n.put("event", s.eventName());
            n.put("expression", s.expression());
            n.put("enabled", s.enabled());
            n.put("emulated", s.every() != null);
            Instant last = lastRun.get(s.functionId());
            n.put("lastRun", last == null ? null : last.toString());
        }
        return o;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void runQuietly(String functionId) {
        try {
            runNow(functionId);
        } catch (Throwable t) {
            System.err.println("[zhidian-local] scheduled run of " + functionId + " failed: " + t);
        }
    }

    private ScheduledEvent event(String functionId) {
        ScheduledEvent e = new ScheduledEvent();
        e.setId(UUID.randomUUID().toString());
        e.setDetailType("Scheduled Event");
        e.setSource("aws.events");
        e.setAccount("000000000000");
        e.setRegion(region);
        e.setResources(List.of("arn:aws:events:" + region + ":000000000000:rule/" + functionId));
        e.setDetail(new LinkedHashMap<>());
        return e;
    }

    @SuppressWarnings("unchecked")
    private static List<Schedule> read(SamTemplate template) {
        List<Schedule> out = new ArrayList<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, Object> props = template.properties(f.logicalId());
            Map<String, Object> events = SamTemplate.map(props.get("Events"));
            events.forEach((name, ev) -> {
                Map<String, Object> e = SamTemplate.map(ev);
                if (!"Schedule".equals(e.get("Type")) && !"ScheduleV2".equals(e.get("Type"))) return;
                Map<String, Object> p = SamTemplate.map(e.get("Properties"));
                String expr = String.valueOf(p.getOrDefault("Schedule", p.get("ScheduleExpression")));
                Object enabled = p.getOrDefault("Enabled", Boolean.TRUE);
                out.add(new Schedule(f.logicalId(), name, expr, every(expr), !"false".equalsIgnoreCase(String.valueOf(enabled))));
            });
        }
        return out;
    }

    static Duration every(String expression) {
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
