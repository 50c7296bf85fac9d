package com.zhidian.local.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DynamoDB expression languages: condition / filter, key condition, update and projection expressions,
 * with ExpressionAttributeNames and ExpressionAttributeValues substituted at parse time.
 */
final class Expr {
    private Expr() {}

    // the tree the parser builds

    /** A document path: String (attribute / map key) or Integer (list index) elements. */
    static final class Path {
        final Object[] parts;
        Path(Object[] parts) { this.parts = parts; }
        String top() { return (String) parts[0]; }
        boolean isPrefixOf(Path o) {
            if (parts.length > o.parts.length) return false;
            for (int i = 0; i < parts.length; i++) if (!parts[i].equals(o.parts[i])) return false;
            return true;
        }
        @Override public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof Integer) sb.append('[').append(p).append(']');
                else { if (sb.length() > 0) sb.append('.'); sb.append(p); }
            }
            return sb.toString();
        }
        String listForm() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < parts.length; i++) { if (i > 0) sb.append(", "); sb.append(parts[i]); }
            return sb.append(']').toString();
        }
    }

    interface Operand {}
    record PathOp(Path path) implements Operand {}
    record ValOp(Av value, String name) implements Operand {}
    record SizeOp(Path path) implements Operand {}
    record IfNotExists(Path path, Operand dflt) implements Operand {}
    record ListAppend(Operand a, Operand b) implements Operand {}
    record Arith(char op, Operand a, Operand b) implements Operand {}

    interface Cond {}
    record Compare(String op, Operand a, Operand b) implements Cond {}
    record Between(Operand a, Operand lo, Operand hi) implements Cond {}
    record In(Operand a, List<Operand> list) implements Cond {}
    record And(Cond a, Cond b) implements Cond {}
    record Or(Cond a, Cond b) implements Cond {}
    record Not(Cond a) implements Cond {}
    record Fn(String name, List<Operand> args) implements Cond {}

    record SetAction(Path path, Operand value) {}
    record AddAction(Path path, Av value) {}

    static final class Update {
        final List<SetAction> set = new ArrayList<>();
        final List<Path> remove = new ArrayList<>();
        final List<AddAction> add = new ArrayList<>();
        final List<AddAction> delete = new ArrayList<>();
        List<Path> allPaths() {
            List<Path> l = new ArrayList<>();
            for (SetAction s : set) l.add(s.path);
            l.addAll(remove);
            for (AddAction a : add) l.add(a.path);
            for (AddAction a : delete) l.add(a.path);
            return l;
        }
    }

    // names and values

    /** Names and values of one request; records which were used so unused ones can be reported. */
    static final class Ctx {
        final Map<String, String> names;
        final Map<String, Av> values;
        final Set<String> usedNames = new HashSet<>();
        final Set<String> usedValues = new HashSet<>();

        Ctx(Map<String, String> names, Map<String, Av> values) {
            this.names = names;
            this.values = values;
        }

        void checkAllUsed() {
            if (names != null) {
                List<String> unused = new ArrayList<>();
                for (String k : names.keySet()) if (!usedNames.contains(k)) unused.add(k);
                if (!unused.isEmpty())
                    throw new DynamoException.Validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unused) + "}");
            }
            if (values != null) {
                List<String> unused = new ArrayList<>();
                for (String k : values.keySet()) if (!usedValues.contains(k)) unused.add(k);
                if (!unused.isEmpty())
                    throw new DynamoException.Validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unused) + "}");
            }
        }
    }

    // the entry points; the work is ExprParser's and ExprEval's

    static Cond parseCondition(String src, String what, Ctx ctx) { return ExprParser.parseCondition(src, what, ctx); }

    static Update parseUpdate(String src, Ctx ctx) { return ExprParser.parseUpdate(src, ctx); }

    static List<Path> parseProjection(String src, Ctx ctx) { return ExprParser.parseProjection(src, ctx); }

    static boolean test(Cond c, Map<String, Av> item) { return ExprEval.test(c, item); }

    static Map<String, Av> applyUpdate(Update u, Map<String, Av> old, Map<String, Av> key) { return ExprEval.applyUpdate(u, old, key); }

    static Map<String, Av> project(Map<String, Av> item, List<Path> paths) { return ExprEval.project(item, paths); }
}
