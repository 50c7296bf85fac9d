package com.zhidian.local.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.*;

/**
 * A deliberately simple model of one pk/sk table (sorted maps, no expressions parser), giving the documented result
 * of each {@link Ops.Op} in the canonical form {@link Ops#run} produces.
 */
final class ReferenceModel {
    private final TreeMap<String, TreeMap<String, Map<String, AttributeValue>>> data = new TreeMap<>();

    private Map<String, AttributeValue> get(String pk, String sk) {
        TreeMap<String, Map<String, AttributeValue>> p = data.get(pk);
        return p == null ? null : p.get(sk);
    }

    private void put(Map<String, AttributeValue> item) {
        data.computeIfAbsent(item.get("pk").s(), k -> new TreeMap<>()).put(item.get("sk").s(), item);
    }

    private void delete(String pk, String sk) {
        TreeMap<String, Map<String, AttributeValue>> p = data.get(pk);
        if (p != null) { p.remove(sk); if (p.isEmpty()) data.remove(pk); }
    }

    private static BigDecimal num(Map<String, AttributeValue> item, String a) {
        return item == null || item.get(a) == null || item.get(a).n() == null ? null : new BigDecimal(item.get(a).n());
    }

    private static boolean cond(Ops.Op o, Map<String, AttributeValue> old) {
        if (o.cond() == 0) return true;
        if (o.cond() == 1) return o.kind() == Ops.Kind.PUT ? old == null : old != null;
        BigDecimal n = num(old, "n");
        if (n == null) return false;
        switch (o.kind()) {
            case PUT: return n.compareTo(BigDecimal.valueOf(o.n())) == 0;
            case DELETE: return n.compareTo(BigDecimal.valueOf(o.n())) < 0;
            default: return n.compareTo(BigDecimal.ONE) >= 0;
        }
    }

    private static Map<String, AttributeValue> updated(Ops.Op o, Map<String, AttributeValue> old) {
        Map<String, AttributeValue> n = old == null ? new HashMap<>(Ops.key(o.pk(), o.sk())) : new HashMap<>(old);
        switch (o.action()) {
            case 0: case 5: {
                BigDecimal cur = num(n, "n");
                n.put("n", AttributeValue.fromN((cur == null ? BigDecimal.ZERO : cur).add(BigDecimal.valueOf(o.n())).toPlainString()));
                break;
            }
            case 1: n.put("s", AttributeValue.fromS(o.s())); break;
            case 2: n.remove("s"); break;
            case 3: {
                TreeSet<String> t = new TreeSet<>(o.tags());
                if (n.get("tags") != null) t.addAll(n.get("tags").ss());
                n.put("tags", AttributeValue.fromSs(new ArrayList<>(t)));
                break;
            }
            case 4: {
                if (n.get("tags") == null) break;
                TreeSet<String> t = new TreeSet<>(n.get("tags").ss());
                t.removeAll(o.tags());
                if (t.isEmpty()) n.remove("tags");
                else n.put("tags", AttributeValue.fromSs(new ArrayList<>(t)));
                break;
            }
            default:
        }
        return n;
    }

    String apply(Ops.Op o) {
        Map<String, AttributeValue> old = o.sk() == null ? null : get(o.pk(), o.sk());
        switch (o.kind()) {
            case PUT:
                if (!cond(o, old)) return "put ConditionalCheckFailed";
                put(Ops.fullItem(o));
                return "put " + Ops.canon(old);
            case GET:
                return "get " + Ops.canon(old);
            case DELETE:
                if (!cond(o, old)) return "delete ConditionalCheckFailed";
                delete(o.pk(), o.sk());
                return "delete " + Ops.canon(old);
            case UPDATE: {
                if (!cond(o, old)) return "update ConditionalCheckFailed";
                Map<String, AttributeValue> n = updated(o, old);
                put(n);
                return "update " + Ops.canon(n);
            }
            case QUERY: {
                List<Map<String, AttributeValue>> part = new ArrayList<>(data.getOrDefault(o.pk(), new TreeMap<>()).values());
                if (!o.forward()) Collections.reverse(part);
                String lo = o.sk().compareTo(o.sk2()) <= 0 ? o.sk() : o.sk2(), hi = o.sk().compareTo(o.sk2()) <= 0 ? o.sk2() : o.sk();
                int scanned = 0;
                List<Map<String, AttributeValue>> out = new ArrayList<>();
                Map<String, AttributeValue> last = null;
                for (Map<String, AttributeValue> i : part) {
                    String sk = i.get("sk").s();
                    int c = sk.compareTo(o.sk());
                    boolean in;
                    switch (o.rangeOp()) {
                        case 1: in = c == 0; break;
                        case 2: in = c < 0; break;
                        case 3: in = c <= 0; break;
                        case 4: in = c > 0; break;
                        case 5: in = c >= 0; break;
                        case 6: in = sk.compareTo(lo) >= 0 && sk.compareTo(hi) <= 0; break;
                        case 7: in = sk.startsWith(o.sk()); break;
                        default: in = true;
                    }
                    if (!in) continue;
                    if (o.limit() != null && scanned == o.limit()) break;
                    scanned++;
                    last = i;
                    if (o.filter()) {
                        BigDecimal n = num(i, "n");
                        if (n == null || n.compareTo(BigDecimal.ONE) <= 0) continue;
                    }
                    out.add(i);
                }
                StringBuilder sb = new StringBuilder("query count=" + out.size() + " scanned=" + scanned + " [");
                for (Map<String, AttributeValue> i : out) sb.append(Ops.canon(i)).append(';');
                boolean lek = o.limit() != null && scanned == o.limit() && last != null;
                sb.append("] lek=").append(lek ? Ops.canon(Ops.key(last.get("pk").s(), last.get("sk").s())) : "none");
                return sb.toString();
            }
            case GQUERY: {
                List<Map<String, AttributeValue>> hits = new ArrayList<>();
                for (TreeMap<String, Map<String, AttributeValue>> p : data.values())
                    for (Map<String, AttributeValue> i : p.values())
                        if (i.get("s") != null && o.s().equals(i.get("s").s()) && num(i, "n") != null) hits.add(i); // sparse: both keys present
                hits.sort((x, y) -> o.forward() ? num(x, "n").compareTo(num(y, "n")) : num(y, "n").compareTo(num(x, "n")));
                return Ops.gsiOutcome(hits);
            }
            case SCAN: {
                TreeSet<String> items = new TreeSet<>();
                int count = 0;
                for (TreeMap<String, Map<String, AttributeValue>> p : data.values())
                    for (Map<String, AttributeValue> i : p.values()) {
                        if (o.filter() && (i.get("tags") == null || !i.get("tags").ss().contains(o.tags().get(0)))) continue;
                        items.add(Ops.canon(i));
                        count++;
                    }
                return "scan count=" + count + " " + items;
            }
            case BATCH:
                for (Ops.Op x : o.batch()) {
                    if (x.kind() == Ops.Kind.DELETE) delete(x.pk(), x.sk());
                    else put(Ops.fullItem(x));
                }
                return "batch unprocessed=0";
            case TX: {
                List<String> codes = new ArrayList<>();
                boolean failed = false;
                for (Ops.Op x : o.batch()) {
                    boolean ok = cond(x, get(x.pk(), x.sk()));
                    codes.add(ok ? "None" : "ConditionalCheckFailed");
                    failed |= !ok;
                }
                if (failed) return "tx cancelled " + codes;
                for (Ops.Op x : o.batch()) {
                    Map<String, AttributeValue> cur = get(x.pk(), x.sk());
                    switch (x.kind()) {
                        case PUT: put(Ops.fullItem(x)); break;
                        case DELETE: delete(x.pk(), x.sk()); break;
                        default: put(updated(x, cur));
                    }
                }
                return "tx ok";
            }
            default: throw new IllegalStateException();
        }
    }
}
