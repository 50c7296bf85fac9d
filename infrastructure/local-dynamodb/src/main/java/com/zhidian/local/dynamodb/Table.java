package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One table: its definition, its items (primary index) and its secondary indexes. Guarded by the engine lock. */
final class Table {
    final String name;
    /** The definition as given (normalised CreateTable members); persisted and used for DescribeTable. */
    ObjectNode def;
    final Map<String, Av.Type> attrTypes = new HashMap<>();
    final Idx primary;
    final Map<String, Idx> indexes = new LinkedHashMap<>();
    String ttlAttribute;
    boolean ttlEnabled;
    /** Keys by their TTL (epoch seconds), so a sweep reads what is due instead of every item of the table. */
    private final TreeMap<java.math.BigDecimal, Set<Map<String, Av>>> byExpiry = new TreeMap<>();
    long sizeBytes;
    final Streams.Log stream;

    Table(ObjectNode def, Streams.Log stream) {
        this.def = def;
        this.name = def.get("TableName").textValue();
        this.stream = stream;
        for (JsonNode a : def.withArray("AttributeDefinitions"))
            attrTypes.put(a.get("AttributeName").textValue(), Av.Type.valueOf(a.get("AttributeType").textValue()));
        primary = new Idx(null, def.get("KeySchema"), attrTypes, false, null, null);
        rebuildIndexDefs();
    }

    void rebuildIndexDefs() {
        attrTypes.clear();
        for (JsonNode a : def.withArray("AttributeDefinitions"))
            attrTypes.put(a.get("AttributeName").textValue(), Av.Type.valueOf(a.get("AttributeType").textValue()));
        Map<String, Idx> old = new LinkedHashMap<>(indexes);
        indexes.clear();
        for (String kind : new String[]{"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            JsonNode arr = def.get(kind);
            if (arr == null) continue;
            for (JsonNode g : arr) {
                String n = g.get("IndexName").textValue();
                Idx existing = old.get(n);
                if (existing != null) { indexes.put(n, existing); continue; }
                JsonNode proj = g.get("Projection");
                String ptype = proj == null || proj.get("ProjectionType") == null ? "ALL" : proj.get("ProjectionType").textValue();
                Set<String> nonKey = new LinkedHashSet<>();
                if (proj != null && proj.get("NonKeyAttributes") != null)
                    for (JsonNode k : proj.get("NonKeyAttributes")) nonKey.add(k.textValue());
                Idx idx = new Idx(n, g.get("KeySchema"), attrTypes, kind.startsWith("Global"), ptype, nonKey);
                idx.table = primary;
                indexes.put(n, idx);
                // backfill
                for (TreeMap<Ck, Map<String, Av>> part : primary.parts.values())
                    for (Map<String, Av> item : part.values()) idx.put(item);
            }
        }
    }

    int itemCount() { return primary.count; }

    /** Sets the TTL attribute (UpdateTimeToLive, or replay) and indexes every item by it. */
    void setTtl(String attribute, boolean enabled) {
        ttlEnabled = enabled;
        ttlAttribute = attribute;
        byExpiry.clear();
        for (TreeMap<Ck, Map<String, Av>> part : primary.parts.values())
            for (Map<String, Av> item : part.values()) expiry(item, true);
    }

    /** Keys whose TTL lies strictly between the two bounds (epoch seconds). */
    List<Map<String, Av>> expiringBetween(java.math.BigDecimal after, java.math.BigDecimal before) {
        List<Map<String, Av>> out = new ArrayList<>();
        for (Set<Map<String, Av>> keys : byExpiry.subMap(after, false, before, false).values()) out.addAll(keys);
        return out;
    }

    private void expiry(Map<String, Av> item, boolean add) {
        if (ttlAttribute == null) return;
        Av v = item.get(ttlAttribute);
        if (v == null || v.type != Av.Type.N) return;
        if (add) {
            byExpiry.computeIfAbsent(v.num(), k -> new java.util.HashSet<>()).add(keyOf(item));
        } else {
            Set<Map<String, Av>> keys = byExpiry.get(v.num());
            if (keys != null && keys.remove(keyOf(item)) && keys.isEmpty()) byExpiry.remove(v.num());
        }
    }

    Map<String, Av> get(Map<String, Av> key) { return primary.get(key); }

    /** Replaces (or inserts, or with item == null deletes) the item at key, maintaining all indexes. */
    void write(Map<String, Av> key, Map<String, Av> oldItem, Map<String, Av> newItem) {
        if (oldItem != null) {
            expiry(oldItem, false);
            primary.remove(oldItem);
            for (Idx i : indexes.values()) i.remove(oldItem);
            sizeBytes -= Av.itemSize(oldItem);
        }
        if (newItem != null) {
            expiry(newItem, true);
            primary.put(newItem);
            for (Idx i : indexes.values()) i.put(newItem);
            sizeBytes += Av.itemSize(newItem);
        }
    }

    Map<String, Av> keyOf(Map<String, Av> item) {
        Map<String, Av> k = new LinkedHashMap<>(2);
        k.put(primary.hashName, item.get(primary.hashName));
        if (primary.rangeName != null) k.put(primary.rangeName, item.get(primary.rangeName));
        return k;
    }

    // indexes

    /** Composite sort key inside a partition: index range value (if any), then base table keys. */
    static final class Ck implements Comparable<Ck> {
        static final Av TOP = Av.raw(Av.Type.NULL, "TOP");
        final Av[] parts;
        Ck(Av... parts) { this.parts = parts; }
        @Override public int compareTo(Ck o) {
            int n = Math.min(parts.length, o.parts.length);
            for (int i = 0; i < n; i++) {
                Av a = parts[i], b = o.parts[i];
                if (a == TOP || b == TOP) {
                    if (a == b) continue;
                    return a == TOP ? 1 : -1;
                }
                int c = a.compareTo(b);
                if (c != 0) return c;
            }
            return Integer.compare(parts.length, o.parts.length);
        }
        @Override public boolean equals(Object o) { return o instanceof Ck && compareTo((Ck) o) == 0; }
        @Override public int hashCode() { return java.util.Arrays.hashCode(parts); }
    }

    static final Comparator<Av> SCAN_ORDER = Comparator.comparingInt(Av::hashCode).thenComparing(Comparator.naturalOrder());

    static final class Idx {
        final String name;
        final boolean global;
        final String hashName, rangeName;
        final Av.Type hashType, rangeType;
        final String projectionType;
        final Set<String> nonKey;
        Idx table; // the primary index, for secondary indexes
        /**
         * Partitions in scan order, which scans page through: by the key's hash, then its value. DynamoDB's scan
         * order is its partitions' hash order too, and a new partition (every Idempotency-Key makes one) then costs
         * comparisons of ints, not a dozen of long keys.
         */
        final TreeMap<Av, TreeMap<Ck, Map<String, Av>>> parts = new TreeMap<>(SCAN_ORDER);
        /** The same partitions by hash: a lookup costs one hash, not a dozen comparisons of long keys. */
        private final HashMap<Av, TreeMap<Ck, Map<String, Av>>> byHash = new HashMap<>();
        /**
         * The primary index's items by their whole key: a point read (GetItem, BatchGetItem, the old item of
         * every write) costs one hash instead of a walk down a partition that holds a member's whole ledger.
         */
        private final HashMap<Key, Map<String, Av>> byKey;
        int count;
        long bytes;

        Idx(String name, JsonNode keySchema, Map<String, Av.Type> types, boolean global, String projectionType, Set<String> nonKey) {
            this.name = name;
            this.global = global;
            String h = null, r = null;
            for (JsonNode k : keySchema) {
                if (k.get("KeyType").textValue().equals("HASH")) h = k.get("AttributeName").textValue();
                else r = k.get("AttributeName").textValue();
            }
            hashName = h;
            rangeName = r;
            hashType = types.get(h);
            rangeType = r == null ? null : types.get(r);
            this.projectionType = projectionType;
            this.nonKey = nonKey == null ? Collections.emptySet() : nonKey;
            this.byKey = name == null ? new HashMap<>() : null;
        }

        /** An item's primary key, hashable: its hash value, and its range value or null. */
        private record Key(Av hash, Av range) {}

        private Key keyOf(Map<String, Av> item) {
            return new Key(item.get(hashName), rangeName == null ? null : item.get(rangeName));
        }

        boolean isPrimary() { return name == null; }

        Ck ck(Map<String, Av> item) {
            if (isPrimary()) return rangeName == null ? new Ck() : new Ck(item.get(rangeName));
            List<Av> l = new ArrayList<>(3);
            if (rangeName != null) l.add(item.get(rangeName));
            l.add(item.get(table.hashName));
            if (table.rangeName != null) l.add(item.get(table.rangeName));
            return new Ck(l.toArray(new Av[0]));
        }

        /** Whether the item belongs in this (possibly sparse) index. */
        boolean covers(Map<String, Av> item) {
            Av h = item.get(hashName);
            if (h == null || h.type != hashType) return false;
            if (rangeName != null) {
                Av r = item.get(rangeName);
                return r != null && r.type == rangeType;
            }
            return true;
        }

        /** The items of one partition, or null when it has none. */
        TreeMap<Ck, Map<String, Av>> partition(Av hash) { return byHash.get(hash); }

        Map<String, Av> get(Map<String, Av> key) {
            if (byKey != null) return byKey.get(keyOf(key));
            TreeMap<Ck, Map<String, Av>> p = byHash.get(key.get(hashName));
            return p == null ? null : p.get(ck(key));
        }

        void put(Map<String, Av> item) {
            if (!covers(item)) return;
            Av h = item.get(hashName);
            TreeMap<Ck, Map<String, Av>> p = byHash.get(h);
            if (p == null) {
                p = new TreeMap<>();
                byHash.put(h, p);
                parts.put(h, p);
            }
            Map<String, Av> prev = p.put(ck(item), item);
            if (byKey != null) byKey.put(keyOf(item), item);
            if (prev == null) count++;
            else bytes -= Av.itemSize(projectItem(prev));
            bytes += Av.itemSize(projectItem(item));
        }

        void remove(Map<String, Av> item) {
            if (!covers(item)) return;
            Av h = item.get(hashName);
            TreeMap<Ck, Map<String, Av>> p = byHash.get(h);
            if (p == null) return;
            Map<String, Av> prev = p.remove(ck(item));
            if (byKey != null) byKey.remove(keyOf(item));
            if (prev != null) { count--; bytes -= Av.itemSize(projectItem(prev)); }
            if (p.isEmpty()) {
                parts.remove(h);
                byHash.remove(h);
            }
        }

        /** Attributes of an item as this index projects them. */
        Map<String, Av> projectItem(Map<String, Av> item) {
            if (isPrimary() || "ALL".equals(projectionType)) return item;
            Map<String, Av> out = new LinkedHashMap<>();
            for (Map.Entry<String, Av> e : item.entrySet()) {
                String k = e.getKey();
                if (k.equals(hashName) || k.equals(rangeName) || k.equals(table.hashName) || k.equals(table.rangeName)
                        || ("INCLUDE".equals(projectionType) && nonKey.contains(k)))
                    out.put(k, e.getValue());
            }
            return out;
        }

        boolean projects(String attr) {
            if (isPrimary() || "ALL".equals(projectionType)) return true;
            return attr.equals(hashName) || attr.equals(rangeName) || attr.equals(table.hashName) || attr.equals(table.rangeName)
                    || ("INCLUDE".equals(projectionType) && nonKey.contains(attr));
        }

        /** LastEvaluatedKey for an item read through this index. */
        Map<String, Av> lastKey(Map<String, Av> item) {
            Map<String, Av> k = new LinkedHashMap<>();
            Idx t = isPrimary() ? this : table;
            k.put(t.hashName, item.get(t.hashName));
            if (t.rangeName != null) k.put(t.rangeName, item.get(t.rangeName));
            if (!isPrimary()) {
                k.put(hashName, item.get(hashName));
                if (rangeName != null) k.put(rangeName, item.get(rangeName));
            }
            return k;
        }
    }
}
