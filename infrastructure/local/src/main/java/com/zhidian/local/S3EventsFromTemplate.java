package com.zhidian.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.s3.S3Local;
import com.zhidian.local.template.Intrinsics;
import com.zhidian.local.template.SamTemplate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the buckets of template.yaml and their event notifications: every {@code AWS::S3::Bucket} is
 * created in the S3 stand-in under its {@code BucketName}, and every {@code Type: S3} event of a function
 * (bucket, {@code s3:ObjectCreated:*}, key prefix/suffix filter) invokes that function asynchronously with S3's
 * event record, as S3 and Lambda's asynchronous invocation do: on another thread, after the PUT has been answered,
 * retried twice when the function fails
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-s3.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html).
 */
final class S3EventsFromTemplate implements AutoCloseable {
    record S3Rule(String functionId, String eventName, String bucket, String prefix, String suffix) {}

    private final List<S3Rule> rules;
    private final ExecutorService async = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "zhidian-local-async-invoke");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequencer = new AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhidian-local-s3-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private final String region;

    private S3EventsFromTemplate(List<S3Rule> rules, String region) {
        this.rules = rules;
        this.region = region;
    }

    /** Creates the template's buckets and routes their object-created events to the functions. */
    static S3EventsFromTemplate wire(SamTemplate template, Intrinsics intrinsics, S3Local s3, Map<String, LambdaFunction> functions, String region) {
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            String bucket = bucketName(template, intrinsics, id);
            s3.createBucket(bucket);
            s3.lifecycle(bucket, expirationRules(template.properties(id)));
        }
        List<S3Rule> rules = new ArrayList<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, Object> events = SamTemplate.map(template.properties(f.logicalId()).get("Events"));
            events.forEach((name, ev) -> {
                Map<String, Object> e = SamTemplate.map(ev);
                if (!"S3".equals(e.get("Type"))) return;
                Map<String, Object> p = SamTemplate.map(e.get("Properties"));
                String bucketId = SamTemplate.refName(p.get("Bucket"));
                Object kinds = p.get("Events");
                if (bucketId == null || kinds == null || !String.valueOf(kinds).contains("s3:ObjectCreated:")) return;
                String prefix = null, suffix = null;
                Object rulesList = SamTemplate.map(SamTemplate.map(p.get("Filter")).get("S3Key")).get("Rules");
                if (rulesList instanceof List<?> l) {
                    for (Object o : l) {
                        Map<String, Object> r = SamTemplate.map(o);
                        String n = String.valueOf(r.get("Name")).toLowerCase(Locale.ROOT);
                        if (n.equals("prefix")) prefix = String.valueOf(r.get("Value"));
                        if (n.equals("suffix")) suffix = String.valueOf(r.get("Value"));
                    }
                }
                rules.add(new S3Rule(f.logicalId(), name, bucketName(template, intrinsics, bucketId), prefix, suffix));
            });
        }
        S3EventsFromTemplate wired = new S3EventsFromTemplate(rules, region);
        s3.onObjectCreated(c -> wired.created(c, functions));
        // S3 applies lifecycle rules asynchronously (about daily); here every hour, and on demand through S3Local.expire()
        wired.lifecycle.scheduleAtFixedRate(s3::expire, 1, 1, java.util.concurrent.TimeUnit.HOURS);
        return wired;
    }

    List<S3Rule> rules() { return rules; }

    /**
     * A bucket's {@code LifecycleConfiguration} as far as the stand-in applies it: enabled rules with
     * {@code ExpirationInDays}, filtered by {@code Prefix} (or none). A rule of any other kind (transitions, tags,
     * dates) is refused at start, so the template cannot count on something Zhidian Local would silently skip.
     */
    static List<S3Local.ExpirationRule> expirationRules(Map<String, Object> bucketProperties) {
        List<S3Local.ExpirationRule> out = new ArrayList<>();
        Object rules = SamTemplate.map(bucketProperties.get("LifecycleConfiguration")).get("Rules");
        if (!(rules instanceof List<?> list)) return out;
        for (Object o : list) {
            Map<String, Object> r = SamTemplate.map(o);
            if (!"Enabled".equals(String.valueOf(r.get("Status")))) continue;
            for (String k : r.keySet()) {
                if (!List.of("Id", "Status", "ExpirationInDays", "Prefix").contains(k)) {
                    throw new IllegalStateException("the S3 stand-in applies only ExpirationInDays by Prefix; lifecycle rule " + r.get("Id") + " has " + k);
                }
            }
            Object days = r.get("ExpirationInDays");
            if (days == null) throw new IllegalStateException("lifecycle rule " + r.get("Id") + " has no ExpirationInDays");
            Object prefix = r.get("Prefix");
            out.add(new S3Local.ExpirationRule(String.valueOf(r.get("Id")), prefix == null ? "" : String.valueOf(prefix), Integer.parseInt(String.valueOf(days))));
        }
        return out;
    }

    static String bucketName(SamTemplate template, Intrinsics intrinsics, String logicalId) {
        Object name = template.properties(logicalId).get("BucketName");
        return name == null ? logicalId.toLowerCase(Locale.ROOT) : intrinsics.evaluate(name);
    }

    private void created(S3Local.Created c, Map<String, LambdaFunction> functions) {
        for (S3Rule r : rules) {
            if (!r.bucket().equals(c.bucket())) continue;
            if (r.prefix() != null && !c.key().startsWith(r.prefix())) continue;
            if (r.suffix() != null && !c.key().endsWith(r.suffix())) continue;
            LambdaFunction f = functions.get(r.functionId());
            ObjectNode event = event(r, c);
            async.submit(() -> invoke(f, event));
        }
    }

    private static void invoke(LambdaFunction f, ObjectNode event) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                f.invoke(event);
                return;
            } catch (Throwable t) {
                System.err.println("[zhidian-local] " + f.name() + " failed on an S3 event (attempt " + attempt + " of 3): " + t);
            }
        }
    }

    private ObjectNode event(S3Rule r, S3Local.Created c) {
        ObjectNode root = Json.object();
        ArrayNode records = root.putArray("Records");
        ObjectNode rec = records.addObject();
        rec.put("eventVersion", "2.1");
        rec.put("eventSource", "aws:s3");
        rec.put("awsRegion", region);
        rec.put("eventTime", Instant.now().toString());
        rec.put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = rec.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", r.eventName());
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", c.bucket());
        bucket.put("arn", "arn:aws:s3:::" + c.bucket());
        ObjectNode object = s3.putObject("object");
        // S3 sends the key URL-encoded, spaces as '+'
        object.put("key", URLEncoder.encode(c.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", c.size());
        object.put("eTag", c.etag().replace("\"", ""));
        object.put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
        return root;
    }

    @Override
    public void close() {
        async.shutdownNow();
        lifecycle.shutdownNow();
    }
}
