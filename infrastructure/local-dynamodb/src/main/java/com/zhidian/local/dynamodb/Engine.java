package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The DynamoDB operations over in-memory tables. One read/write lock makes every write (single item, batch,
 * transaction) atomic and serializable with respect to every other; reads share the lock. With a data directory
 * every write is appended to the {@link Wal} under the lock and forced to disk before it is answered
 * ({@link Durability}). This class holds the tables and routes each operation to the class of its concern:
 * {@link TableAdmin}, {@link Items}, {@link QueryScan}, {@link Batches}, {@link Transactions}.
 */
final class Engine implements AutoCloseable {
    final String region;
    final String account = "000000000000";
    final TreeMap<String, Table> tables = new TreeMap<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    volatile java.time.Clock clock = java.time.Clock.systemUTC();
    final Durability durability;
    private final TableAdmin admin = new TableAdmin(this);
    private final Items items = new Items(this);
    private final QueryScan reads = new QueryScan(this);
    private final Batches batches = new Batches(this);
    private final Transactions transactions = new Transactions(this);

    /** One item change of a write: old and new item (null = absent). */
    record Change(Table table, Map<String, Av> key, Map<String, Av> oldItem, Map<String, Av> newItem) {}

    Engine(Path dataDir, String region, long checkpointBytes) {
        this.region = region;
        this.durability = new Durability(this, dataDir, checkpointBytes);
    }

    ObjectNode handle(String op, JsonNode req) {
        if (req == null || !req.isObject()) throw new DynamoException("SerializationException", 400, "Start of structure or map found where not expected.");
        Requests.refuseLegacyParameters(req);
        Requests.checkReturnEnums(req);
        switch (op) {
            case "CreateTable": return admin.createTable(req);
            case "DescribeTable": return admin.describeTable(req);
            case "ListTables": return admin.listTables(req);
            case "DeleteTable": return admin.deleteTable(req);
            case "UpdateTable": return admin.updateTable(req);
            case "UpdateTimeToLive": return admin.updateTtl(req);
            case "DescribeTimeToLive": return admin.describeTtl(req);
            case "PutItem": return items.putItem(req);
            case "GetItem": return items.getItem(req);
            case "UpdateItem": return items.updateItem(req);
            case "DeleteItem": return items.deleteItem(req);
            case "Query": return reads.query(req);
            case "Scan": return reads.scan(req);
            case "BatchGetItem": return batches.batchGet(req);
            case "BatchWriteItem": return batches.batchWrite(req);
            case "TransactWriteItems": return transactions.transactWrite(req);
            case "TransactGetItems": return transactions.transactGet(req);
            case "DescribeEndpoints": {
                ObjectNode o = Codec.F.objectNode();
                o.putArray("Endpoints").addObject().put("Address", "localhost").put("CachePeriodInMinutes", 1440);
                return o;
            }
            case "ListTagsOfResource": { ObjectNode o = Codec.F.objectNode(); o.putArray("Tags"); return o; }
            case "TagResource": case "UntagResource": return Codec.F.objectNode();
            case "DescribeLimits": {
                ObjectNode o = Codec.F.objectNode();
                o.put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                        .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
                return o;
            }
            default:
                throw new DynamoException("UnknownOperationException", 400, null);
        }
    }

    ObjectNode handleStreams(String op, JsonNode req) {
        switch (op) {
            case "ListStreams": {
                ObjectNode o = Codec.F.objectNode();
                ArrayNode a = o.putArray("Streams");
                lock.readLock().lock();
                try {
                    String only = Requests.text(req, "TableName");
                    for (Table t : tables.values()) {
                        if (t.stream == null || t.stream.viewType == null || (only != null && !only.equals(t.name))) continue;
                        a.addObject().put("StreamArn", t.stream.arn).put("TableName", t.name).put("StreamLabel", t.stream.label);
                    }
                } finally { lock.readLock().unlock(); }
                return o;
            }
            case "DescribeStream": {
                Table t = streamTable(Requests.text(req, "StreamArn"));
                return t.stream.describe(t.name, t.def.get("KeySchema"));
            }
            case "GetShardIterator": {
                Table t = streamTable(Requests.text(req, "StreamArn"));
                String type = Requests.text(req, "ShardIteratorType");
                long seq;
                if ("TRIM_HORIZON".equals(type)) seq = 0;
                else if ("LATEST".equals(type)) seq = t.stream.latest();
                else if ("AT_SEQUENCE_NUMBER".equals(type)) seq = Long.parseLong(Requests.text(req, "SequenceNumber"));
                else if ("AFTER_SEQUENCE_NUMBER".equals(type)) seq = Long.parseLong(Requests.text(req, "SequenceNumber")) + 1;
                else throw new DynamoException.Validation("Invalid ShardIteratorType: " + type);
                ObjectNode o = Codec.F.objectNode();
                o.put("ShardIterator", t.stream.iterator(seq));
                return o;
            }
            case "GetRecords": {
                String[] it = Streams.decode(Requests.text(req, "ShardIterator"));
                Table t = streamTable(it[0]);
                int limit = req.has("Limit") ? req.get("Limit").asInt() : 1000;
                return t.stream.getRecords(Long.parseLong(it[2]), Math.max(1, Math.min(1000, limit)));
            }
            default:
                throw new DynamoException("UnknownOperationException", 400, null);
        }
    }

    private Table streamTable(String arn) {
        lock.readLock().lock();
        try {
            for (Table t : tables.values()) if (t.stream != null && t.stream.arn.equals(arn)) return t;
        } finally { lock.readLock().unlock(); }
        throw DynamoException.notFound("Requested resource not found: Stream: " + arn + " not found");
    }

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw DynamoException.notFound("Requested resource not found");
        return t;
    }

    /** Deletes items whose time to live has passed; returns how many. */
    int sweepTtl() { return admin.sweepTtl(); }

    @Override
    public void close() {
        durability.close();
    }
}
