package com.zhidian.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zhidian.local.dynamodb.Expr.*;

/** Evaluates {@link Expr}'s tree against an item: conditions, operands, updates (on a copy) and projections. */
final class ExprEval {
    private ExprEval() {}

    static Av resolve(Map<String, Av> item, Path path) {
        if (item == null) return null;
        Av cur = item.get(path.top());
        for (int i = 1; i < path.parts.length && cur != null; i++) {
            Object part = path.parts[i];
            if (part instanceof Integer) {
                if (cur.type != Av.Type.L) return null;
                List<Av> l = cur.list();
                int idx = (Integer) part;
                cur = idx < l.size() ? l.get(idx) : null;
            } else {
                if (cur.type != Av.Type.M) return null;
                cur = cur.map().get(part);
            }
        }
        return cur;
    }

    static Av eval(Operand o, Map<String, Av> item, String what) {
        if (o instanceof ValOp) return ((ValOp) o).value();
        if (o instanceof PathOp) return resolve(item, ((PathOp) o).path());
        if (o instanceof SizeOp) {
            Av v = resolve(item, ((SizeOp) o).path());
            if (v == null) return null;
            switch (v.type) {
                case S: return Av.n(BigDecimal.valueOf(v.str().length()));
                case B: return Av.n(BigDecimal.valueOf(v.bin().length()));
                case SS: case NS: case BS: return Av.n(BigDecimal.valueOf(v.set().size()));
                case L: return Av.n(BigDecimal.valueOf(v.list().size()));
                case M: return Av.n(BigDecimal.valueOf(v.map().size()));
                default:
                    return null;
            }
        }
        throw new IllegalStateException(o.toString());
    }

    static boolean test(Cond c, Map<String, Av> item) {
        if (c instanceof And) return test(((And) c).a(), item) && test(((And) c).b(), item);
        if (c instanceof Or) return test(((Or) c).a(), item) || test(((Or) c).b(), item);
        if (c instanceof Not) return !test(((Not) c).a(), item);
        if (c instanceof Compare) {
            Compare k = (Compare) c;
            Av a = eval(k.a(), item, null), b = eval(k.b(), item, null);
            if (a == null || b == null) return k.op().equals("<>") && (a != null || b != null);
            switch (k.op()) {
                case "=": return a.equals(b);
                case "<>": return !a.equals(b);
                default: {
                    Integer r = Compar.cmp(a, b);
                    if (r == null) return false;
                    switch (k.op()) {
                        case "<": return r < 0;
                        case "<=": return r <= 0;
                        case ">": return r > 0;
                        default: return r >= 0;
                    }
                }
            }
        }
        if (c instanceof Between) {
            Between b = (Between) c;
            Av a = eval(b.a(), item, null), lo = eval(b.lo(), item, null), hi = eval(b.hi(), item, null);
            if (a == null || lo == null || hi == null) return false;
            Integer x = Compar.cmp(a, lo), y = Compar.cmp(a, hi);
            return x != null && y != null && x >= 0 && y <= 0;
        }
        if (c instanceof In) {
            In in = (In) c;
            Av a = eval(in.a(), item, null);
            if (a == null) return false;
            for (Operand o : in.list()) if (a.equals(eval(o, item, null))) return true;
            return false;
        }
        Fn f = (Fn) c;
        switch (f.name()) {
            case "attribute_exists": return eval(f.args().get(0), item, null) != null;
            case "attribute_not_exists": return eval(f.args().get(0), item, null) == null;
            case "attribute_type": {
                Av a = eval(f.args().get(0), item, null), t = eval(f.args().get(1), item, null);
                return a != null && t != null && t.type == Av.Type.S && a.type.name().equals(t.str());
            }
            case "begins_with": {
                Av a = eval(f.args().get(0), item, null), b = eval(f.args().get(1), item, null);
                if (a == null || b == null || a.type != b.type) return false;
                if (a.type == Av.Type.S) return a.str().startsWith(b.str());
                if (a.type == Av.Type.B) return a.bin().startsWith(b.bin());
                return false;
            }
            case "contains": {
                Av a = eval(f.args().get(0), item, null), b = eval(f.args().get(1), item, null);
                if (a == null || b == null) return false;
                switch (a.type) {
                    case S: return b.type == Av.Type.S && a.str().contains(b.str());
                    case B: return b.type == Av.Type.B && a.bin().contains(b.bin());
                    case SS: case NS: case BS:
                        return b.type == Av.elementType(a.type) && a.set().contains(b.v);
                    case L:
                        for (Av e : a.list()) if (e.equals(b)) return true;
                        return false;
                    default: return false;
                }
            }
            default: throw new IllegalStateException(f.name());
        }
    }

    static DynamoException badType() {
        return new DynamoException.Validation("An operand in the update expression has an incorrect data type");
    }

    static Av evalSet(Operand o, Map<String, Av> item) {
        if (o instanceof ValOp) return ((ValOp) o).value();
        if (o instanceof PathOp) {
            Av v = resolve(item, ((PathOp) o).path());
            if (v == null)
                throw new DynamoException.Validation("The provided expression refers to an attribute that does not exist in the item");
            return v;
        }
        if (o instanceof IfNotExists) {
            Av v = resolve(item, ((IfNotExists) o).path());
            return v != null ? v : evalSet(((IfNotExists) o).dflt(), item);
        }
        if (o instanceof ListAppend) {
            Av a = evalSet(((ListAppend) o).a(), item), b = evalSet(((ListAppend) o).b(), item);
            if (a.type != Av.Type.L || b.type != Av.Type.L) throw badType();
            ArrayList<Av> l = new ArrayList<>(a.list());
            l.addAll(b.list());
            return Av.l(l);
        }
        if (o instanceof Arith) {
            Arith ar = (Arith) o;
            Av a = evalSet(ar.a(), item), b = evalSet(ar.b(), item);
            if (a.type != Av.Type.N || b.type != Av.Type.N) throw badType();
            return Av.n(Numbers.add(a.num(), ar.op() == '+' ? b.num() : b.num().negate()));
        }
        throw new IllegalStateException(o.toString());
    }

    /** Applies an update to a deep copy of {@code old} (or a fresh item with {@code key}); returns the new item. */
    static Map<String, Av> applyUpdate(Update u, Map<String, Av> old, Map<String, Av> key) {
        Map<String, Av> item = old == null ? new java.util.LinkedHashMap<>(key) : Av.deepCopy(old);
        for (Path p : u.allPaths())
            if (p.parts.length >= 1 && key.containsKey(p.top()))
                throw new DynamoException.Validation("One or more parameter values were invalid: Cannot update attribute " + p.top()
                        + ". This attribute is part of the key");
        // all SET values are computed from the item as it was before this update
        List<Av> setValues = new ArrayList<>();
        for (SetAction s : u.set) setValues.add(evalSet(s.value(), old == null ? item : old));
        for (int i = 0; i < u.set.size(); i++) put(item, u.set.get(i).path(), setValues.get(i).deepCopy());
        // REMOVE: list elements from highest index down so earlier indexes stay valid
        List<Path> removes = new ArrayList<>(u.remove);
        removes.sort((a, b) -> {
            Object x = a.parts[a.parts.length - 1], y = b.parts[b.parts.length - 1];
            if (x instanceof Integer && y instanceof Integer) return Integer.compare((Integer) y, (Integer) x);
            return 0;
        });
        for (Path p : removes) remove(item, p);
        for (AddAction a : u.add) {
            Av cur = resolve(item, a.path());
            Av v = a.value();
            if (cur == null) put(item, a.path(), v.deepCopy());
            else if (cur.type == Av.Type.N && v.type == Av.Type.N) put(item, a.path(), Av.n(Numbers.add(cur.num(), v.num())));
            else if (cur.isSet() && cur.type == v.type) {
                java.util.LinkedHashSet<Object> s = new java.util.LinkedHashSet<>(cur.set());
                s.addAll(v.set());
                put(item, a.path(), Av.raw(cur.type, s));
            } else throw badType();
        }
        for (AddAction a : u.delete) {
            Av cur = resolve(item, a.path());
            if (cur == null) continue;
            if (cur.type != a.value().type) throw badType();
            java.util.LinkedHashSet<Object> s = new java.util.LinkedHashSet<>(cur.set());
            s.removeAll(a.value().set());
            if (s.isEmpty()) remove(item, a.path());
            else put(item, a.path(), Av.raw(cur.type, s));
        }
        return item;
    }

    private static DynamoException badPath() {
        return new DynamoException.Validation("The document path provided in the update expression is invalid for update");
    }

    static void put(Map<String, Av> item, Path path, Av v) {
        if (path.parts.length == 1) { item.put(path.top(), v); return; }
        Av parent = resolve(item, new Path(java.util.Arrays.copyOf(path.parts, path.parts.length - 1)));
        Object last = path.parts[path.parts.length - 1];
        if (parent == null) throw badPath();
        if (last instanceof Integer) {
            if (parent.type != Av.Type.L) throw badPath();
            List<Av> l = parent.list();
            int idx = (Integer) last;
            if (idx < l.size()) l.set(idx, v);
            else l.add(v);
        } else {
            if (parent.type != Av.Type.M) throw badPath();
            parent.map().put((String) last, v);
        }
    }

    static void remove(Map<String, Av> item, Path path) {
        if (path.parts.length == 1) { item.remove(path.top()); return; }
        Av parent = resolve(item, new Path(java.util.Arrays.copyOf(path.parts, path.parts.length - 1)));
        Object last = path.parts[path.parts.length - 1];
        // REMOVE a.b with no a is refused as AWS does; with a present and no b it is a no-op
        if (parent == null) throw badPath();
        if (last instanceof Integer) {
            if (parent.type != Av.Type.L) throw badPath();
            List<Av> l = parent.list();
            int idx = (Integer) last;
            if (idx < l.size()) l.remove(idx);
        } else {
            if (parent.type != Av.Type.M) throw badPath();
            parent.map().remove(last);
        }
    }

    static Map<String, Av> project(Map<String, Av> item, List<Path> paths) {
        Map<String, Av> out = new java.util.LinkedHashMap<>();
        for (Path p : paths) {
            Av v = resolve(item, p);
            if (v == null) continue;
            if (p.parts.length == 1) { out.put(p.top(), v); continue; }
            // rebuild the nesting; list indexes collapse into a list in request order
            Av src = item.get(p.top());
            Av dst = out.get(p.top());
            if (dst == null) {
                dst = src.type == Av.Type.M ? Av.m(new java.util.LinkedHashMap<>()) : Av.l(new ArrayList<>());
                out.put(p.top(), dst);
            }
            for (int i = 1; i < p.parts.length; i++) {
                Object part = p.parts[i];
                Av child = part instanceof Integer ? src.list().get((Integer) part) : src.map().get(part);
                boolean lastPart = i == p.parts.length - 1;
                Av next;
                if (lastPart) next = child;
                else next = child.type == Av.Type.M ? Av.m(new java.util.LinkedHashMap<>()) : Av.l(new ArrayList<>());
                if (dst.type == Av.Type.M) {
                    Av existing = dst.map().get((String) part);
                    if (existing != null && !lastPart) next = existing;
                    else dst.map().put((String) part, next);
                } else {
                    dst.list().add(next);
                }
                dst = next;
                src = child;
            }
        }
        return out;
    }
}
