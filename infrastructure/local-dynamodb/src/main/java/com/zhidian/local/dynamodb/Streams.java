package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** DynamoDB Streams: one shard per table, records kept in memory (24 hours, and at most the newest 100 000 once trimmed). */
final class Streams {
    private Streams() {}

    static final long RETENTION_MS = 24L * 3600 * 1000;
    static final int MAX_RECORDS = 100_000;

    /**
     * One change, kept as the items themselves (stored items are never modified, so this shares them with the
     * table or keeps only the replaced version) and written as JSON only when read: JSON trees of 100,000
     * images held hundreds of MB and made every garbage collection of Zhidian Local slow.
     */
    static final class Rec {
        final long seq;
        final long time;
        final String eventId, region, viewType;
        final Map<String, Av> keys, oldItem, newItem;
        final boolean ttl;

        Rec(long seq, long time, String eventId, String region, String viewType, Map<String, Av> keys,
            Map<String, Av> oldItem, Map<String, Av> newItem, boolean ttl) {
            this.seq = seq;
            this.time = time;
            this.eventId = eventId;
            this.region = region;
            this.viewType = viewType;
            this.keys = keys;
            this.oldItem = oldItem;
            this.newItem = newItem;
            this.ttl = ttl;
        }

        ObjectNode json() {
            ObjectNode r = Codec.F.objectNode();
            r.put("eventID", eventId);
            r.put("eventName", oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY");
            r.put("eventVersion", "1.1");
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", region);
            ObjectNode d = r.putObject("dynamodb");
            d.put("ApproximateCreationDateTime", time / 1000.0);
            d.set("Keys", Codec.toJson(keys));
            if (newItem != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")))
                d.set("NewImage", Codec.toJson(newItem));
            if (oldItem != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")))
                d.set("OldImage", Codec.toJson(oldItem));
            d.put("SequenceNumber", String.valueOf(seq));
            d.put("SizeBytes", Av.itemSize(keys) + (newItem == null ? 0 : Av.itemSize(newItem)) + (oldItem == null ? 0 : Av.itemSize(oldItem)));
            d.put("StreamViewType", viewType);
            if (ttl) {
                ObjectNode u = r.putObject("userIdentity");
                u.put("Type", "Service");
                u.put("PrincipalId", "dynamodb.amazonaws.com");
            }
            return r;
        }
    }

    /** The stream of one table. */
    static final class Log {
        final String arn;
        final String label;
        final String shardId;
        String viewType;
        boolean enabled;
        final List<Rec> records = new ArrayList<>();
        long nextSeq = 100000000000000000L;
        long firstSeq = nextSeq;

        Log(String tableArn, long created, String viewType) {
            this.label = java.time.Instant.ofEpochMilli(created).toString().replace("Z", "");
            this.arn = tableArn + "/stream/" + label;
            this.shardId = "shardId-" + String.format("%020d", created) + "-" + UUID.nameUUIDFromBytes(arn.getBytes()).toString().substring(0, 8);
            this.viewType = viewType;
            this.enabled = viewType != null;
        }

        synchronized void add(String region, Map<String, Av> keys, Map<String, Av> oldItem, Map<String, Av> newItem, boolean ttl) {
            if (!enabled) return;
            long now = System.currentTimeMillis();
            long seq = nextSeq++;
            records.add(new Rec(seq, now, eventId(), region, viewType, keys, oldItem, newItem, ttl));
            trim(now);
        }

        /** 32 hex digits like DynamoDB's; no SecureRandom (UUID.randomUUID) on every write. */
        private static String eventId() {
            java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
            return java.util.HexFormat.of().toHexDigits(r.nextLong()) + java.util.HexFormat.of().toHexDigits(r.nextLong());
        }

        /** Drops records past retention; past the count limit, a tenth at a time, so a full log is not shifted on every write. */
        private void trim(long now) {
            boolean old = !records.isEmpty() && records.get(0).time < now - RETENTION_MS;
            if (!old && records.size() <= MAX_RECORDS + MAX_RECORDS / 10) return;
            int drop = 0;
            while (drop < records.size() && (records.size() - drop > MAX_RECORDS || records.get(drop).time < now - RETENTION_MS)) drop++;
            if (drop > 0) {
                records.subList(0, drop).clear();
                firstSeq = records.isEmpty() ? nextSeq : records.get(0).seq;
            }
        }

        synchronized ObjectNode getRecords(long fromSeq, int limit) {
            ObjectNode out = Codec.F.objectNode();
            ArrayNode arr = out.putArray("Records");
            long next = Math.max(fromSeq, firstSeq);
            int lo = 0, hi = records.size();
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (records.get(mid).seq < next) lo = mid + 1; else hi = mid; }
            for (int i = lo; i < records.size() && arr.size() < limit; i++) {
                arr.add(records.get(i).json());
                next = records.get(i).seq + 1;
            }
            out.put("NextShardIterator", iterator(next));
            return out;
        }

        synchronized long latest() { return nextSeq; }

        String iterator(long seq) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((arn + "|" + shardId + "|" + seq).getBytes());
        }

        synchronized ObjectNode describe(String tableName, JsonNode keySchema) {
            ObjectNode o = Codec.F.objectNode();
            ObjectNode d = o.putObject("StreamDescription");
            d.put("StreamArn", arn);
            d.put("StreamLabel", label);
            d.put("StreamStatus", enabled ? "ENABLED" : "DISABLED");
            d.put("StreamViewType", viewType);
            d.put("CreationRequestDateTime", System.currentTimeMillis() / 1000.0);
            d.put("TableName", tableName);
            d.set("KeySchema", keySchema);
            ArrayNode shards = d.putArray("Shards");
            ObjectNode s = shards.addObject();
            s.put("ShardId", shardId);
            s.putObject("SequenceNumberRange").put("StartingSequenceNumber", String.valueOf(firstSeq));
            return o;
        }
    }

    /** Decodes an iterator into {arn, shardId, seq}. */
    static String[] decode(String it) {
        try {
            String s = new String(java.util.Base64.getUrlDecoder().decode(it));
            String[] p = s.split("\\|");
            if (p.length != 3) throw new IllegalArgumentException();
            new BigInteger(p[2]);
            return p;
        } catch (RuntimeException e) {
            throw new DynamoException.Validation("Invalid ShardIterator");
        }
    }
}
