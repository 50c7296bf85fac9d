package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applying a write's changes and making them durable: each write is one record of the {@link Wal}, appended under
 * the engine's write lock and forced to disk after it is released; a snapshot replaces the log when it grows past
 * {@code checkpointBytes}, and on start the snapshot and the log are replayed.
 */
final class Durability {
    private final Engine db;
    /** Null: in memory, nothing to log. */
    private final Wal wal;
    private final long checkpointBytes;

    Durability(Engine db, Path dataDir, long checkpointBytes) {
        this.db = db;
        this.checkpointBytes = checkpointBytes;
        if (dataDir != null) {
            wal = new Wal(dataDir);
            wal.recover(this::loadSnapshot, this::replay);
            if (wal.size() > 0) wal.checkpoint(snapshot());
        } else wal = null;
    }

    /** Applies changes (caller holds the write lock) and logs them as one record. Returns the log position. */
    long commit(List<Engine.Change> changes, boolean ttl) {
        for (Engine.Change c : changes) {
            c.table().write(c.key(), c.oldItem(), c.newItem());
            if (c.table().stream != null) c.table().stream.add(db.region, c.key(), c.oldItem(), c.newItem(), ttl);
        }
        if (wal == null) return 0;
        ObjectNode rec = Codec.F.objectNode();
        ArrayNode arr = rec.putArray("c");
        for (Engine.Change c : changes) {
            ObjectNode o = arr.addObject();
            o.put("t", c.table().name);
            if (c.newItem() != null) o.set("i", Codec.toJson(c.newItem()));
            else o.set("k", Codec.toJson(c.key()));
        }
        return wal.append(rec);
    }

    long logMeta(ObjectNode rec) {
        return wal == null ? 0 : wal.append(rec);
    }

    /** After releasing the write lock: make the write durable, checkpoint when the log is big. */
    void durable(long pos) {
        if (wal == null) return;
        wal.sync(pos);
        if (wal.size() > checkpointBytes) {
            db.lock.writeLock().lock();
            try {
                if (wal.size() > checkpointBytes) wal.checkpoint(snapshot());
            } finally { db.lock.writeLock().unlock(); }
        }
    }

    private void replay(JsonNode rec) {
        if (rec.has("c")) {
            for (JsonNode c : rec.get("c")) {
                Table t = db.tables.get(c.get("t").textValue());
                if (t == null) continue;
                Map<String, Av> item = c.has("i") ? Codec.item(c.get("i")) : null;
                Map<String, Av> key = item != null ? t.keyOf(item) : Codec.item(c.get("k"));
                t.write(key, t.get(key), item);
            }
        } else if (rec.has("ct")) {
            ObjectNode def = (ObjectNode) rec.get("ct");
            db.tables.put(def.get("TableName").textValue(), newTable(def));
        } else if (rec.has("dt")) {
            db.tables.remove(rec.get("dt").textValue());
        } else if (rec.has("ut")) {
            Table t = db.tables.get(rec.get("ut").get("TableName").textValue());
            if (t != null) { t.def = (ObjectNode) rec.get("ut"); t.rebuildIndexDefs(); }
        } else if (rec.has("ttl")) {
            JsonNode x = rec.get("ttl");
            Table t = db.tables.get(x.get("t").textValue());
            if (t != null) t.setTtl(Requests.text(x, "a"), x.get("on").booleanValue());
        }
    }

    Table newTable(ObjectNode def) {
        JsonNode ss = def.get("StreamSpecification");
        String view = ss != null && ss.path("StreamEnabled").asBoolean(false) ? Requests.text(ss, "StreamViewType") : null;
        String arn = "arn:aws:dynamodb:" + db.region + ":" + db.account + ":table/" + def.get("TableName").textValue();
        return new Table(def, new Streams.Log(arn, def.path("CreationDateTime").asLong(System.currentTimeMillis()), view));
    }

    private void loadSnapshot(JsonNode snap) {
        for (JsonNode tn : snap.get("tables")) {
            Table t = newTable((ObjectNode) tn.get("def"));
            t.setTtl(Requests.text(tn, "ttlAttribute"), tn.path("ttlEnabled").asBoolean(false));
            for (JsonNode i : tn.get("items")) {
                Map<String, Av> item = Codec.item(i);
                t.write(t.keyOf(item), null, item);
            }
            db.tables.put(t.name, t);
        }
    }

    private ObjectNode snapshot() {
        ObjectNode s = Codec.F.objectNode();
        ArrayNode arr = s.putArray("tables");
        for (Table t : db.tables.values()) {
            ObjectNode o = arr.addObject();
            o.set("def", t.def);
            o.put("ttlEnabled", t.ttlEnabled);
            if (t.ttlAttribute != null) o.put("ttlAttribute", t.ttlAttribute);
            ArrayNode items = o.putArray("items");
            for (TreeMap<Table.Ck, Map<String, Av>> p : t.primary.parts.values())
                for (Map<String, Av> item : p.values()) items.add(Codec.toJson(item));
        }
        return s;
    }

    void close() {
        if (wal != null) {
            db.lock.writeLock().lock();
            try {
                wal.checkpoint(snapshot());
                wal.close();
            } finally { db.lock.writeLock().unlock(); }
        }
    }
}
