package com.zhidian.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DynamoDB expression languages: condition / filter, key condition, update and projection expressions,
 * with ExpressionAttributeNames and ExpressionAttributeValues substituted at parse time.
 */
final class Expr {
    private Expr() {}

    // ---------------------------------------------------------------- AST

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

    // ---------------------------------------------------------------- placeholders

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

    // ---------------------------------------------------------------- tokenizer

    enum T { NAME, NAMEPH, VALUEPH, NUM, SYM, EOF }

    record Tok(T t, String s, int pos) {}

    static List<Tok> lex(String src, String what) {
        List<Tok> out = new ArrayList<>();
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int st = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isIdentPart(src.charAt(i))) i++;
                if (i == st + 1) throw syntax(what, String.valueOf(c), src, st);
                out.add(new Tok(c == '#' ? T.NAMEPH : T.VALUEPH, src.substring(st, i), st));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && isIdentPart(src.charAt(i))) i++;
                out.add(new Tok(T.NAME, src.substring(st, i), st));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(src.charAt(i))) i++;
                if (i < n && isIdentPart(src.charAt(i))) {
                    while (i < n && isIdentPart(src.charAt(i))) i++;
                    out.add(new Tok(T.NAME, src.substring(st, i), st));
                } else out.add(new Tok(T.NUM, src.substring(st, i), st));
            } else if (c == '<' || c == '>') {
                if (i + 1 < n && (src.charAt(i + 1) == '=' || (c == '<' && src.charAt(i + 1) == '>'))) i += 2;
                else i++;
                out.add(new Tok(T.SYM, src.substring(st, i), st));
            } else if ("=(),.[]+-".indexOf(c) >= 0) {
                i++;
                out.add(new Tok(T.SYM, String.valueOf(c), st));
            } else {
                throw new DynamoException.Validation("Invalid " + what + ": Invalid character encountered; character: \""
                        + c + "\", near: \"" + near(src, st) + "\"");
            }
        }
        out.add(new Tok(T.EOF, "<EOF>", n));
        return out;
    }

    private static boolean isIdentPart(char c) { return Character.isLetterOrDigit(c) || c == '_'; }

    private static String near(String src, int pos) {
        return src.substring(Math.max(0, pos - 10), Math.min(src.length(), pos + 10));
    }

    static DynamoException syntax(String what, String token, String src, int pos) {
        return new DynamoException.Validation("Invalid " + what + ": Syntax error; token: \"" + token + "\", near: \"" + near(src, pos) + "\"");
    }

    // ---------------------------------------------------------------- parser

    static final class Parser {
        final String src, what;
        final List<Tok> toks;
        final Ctx ctx;
        int p;

        Parser(String src, String what, Ctx ctx) {
            if (src == null || src.trim().isEmpty())
                throw new DynamoException.Validation("Invalid " + what + ": The expression can not be empty;");
            if (src.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 4096)
                throw new DynamoException.Validation("Invalid " + what + ": Expression size has exceeded the maximum allowed size; expression size: "
                        + src.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            this.src = src;
            this.what = what;
            this.ctx = ctx;
            this.toks = lex(src, what);
        }

        Tok peek() { return toks.get(p); }
        Tok next() { return toks.get(p++); }
        boolean isSym(String s) { Tok t = peek(); return t.t == T.SYM && t.s.equals(s); }
        boolean isKw(String s) { Tok t = peek(); return t.t == T.NAME && t.s.equalsIgnoreCase(s); }
        DynamoException err() { Tok t = peek(); return syntax(what, t.s, src, t.pos); }
        void expect(String sym) { if (!isSym(sym)) throw err(); p++; }
        void end() { if (peek().t != T.EOF) throw err(); }

        // ---- conditions
        Cond condition() {
            Cond c = or();
            end();
            return c;
        }

        Cond or() {
            Cond c = and();
            while (isKw("OR")) { p++; c = new Or(c, and()); }
            return c;
        }

        Cond and() {
            Cond c = not();
            while (isKw("AND")) { p++; c = new And(c, not()); }
            return c;
        }

        Cond not() {
            if (isKw("NOT")) { p++; return new Not(not()); }
            return primary();
        }

        Cond primary() {
            if (isSym("(")) {
                int save = p;
                try {
                    p++;
                    Cond c = or();
                    expect(")");
                    return c;
                } catch (DynamoException e) {
                    p = save; // not a parenthesised condition: a parenthesised operand, as in "(a) = :v"
                }
            }
            Tok t = peek();
            if (t.t == T.NAME && toks.get(p + 1).t == T.SYM && toks.get(p + 1).s.equals("(")) {
                String fn = t.s;
                switch (fn) {
                    case "attribute_exists": case "attribute_not_exists": {
                        p += 2;
                        Path path = path();
                        expect(")");
                        return new Fn(fn, List.of(new PathOp(path)));
                    }
                    case "attribute_type": case "begins_with": case "contains": {
                        p += 2;
                        Operand a = operand();
                        expect(",");
                        Operand b = operand();
                        expect(")");
                        if (fn.equals("attribute_type") && !(a instanceof PathOp)) throw err();
                        if (fn.equals("attribute_type")) {
                            Av tv = constOf(b);
                            if (tv == null || tv.type != Av.Type.S) throw new DynamoException.Validation("Invalid " + what
                                    + ": Incorrect operand type for operator or function; operator or function: attribute_type, operand type: " + (tv == null ? "PATH" : tv.type));
                            try { Av.Type.valueOf(tv.str()); } catch (IllegalArgumentException e) {
                                throw new DynamoException.Validation("Invalid " + what + ": Invalid attribute type name found; type: "
                                        + tv.str() + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
                            }
                        }
                        if (fn.equals("begins_with")) {
                            Av bv = constOf(b);
                            if (bv != null && bv.type != Av.Type.S && bv.type != Av.Type.B)
                                throw new DynamoException.Validation("Invalid " + what
                                        + ": Incorrect operand type for operator or function; operator or function: begins_with, operand type: " + bv.type);
                        }
                        return new Fn(fn, List.of(a, b));
                    }
                    case "size":
                        break; // an operand, handled below
                    default:
                        if (fn.equals("if_not_exists") || fn.equals("list_append"))
                            throw new DynamoException.Validation("Invalid " + what + ": The function is not allowed to be used this way in an expression; function: " + fn);
                        throw new DynamoException.Validation("Invalid " + what + ": Invalid function name; function: " + fn);
                }
            }
            Operand a = operand();
            Tok op = peek();
            if (op.t == T.SYM && (op.s.equals("=") || op.s.equals("<>") || op.s.equals("<") || op.s.equals("<=")
                    || op.s.equals(">") || op.s.equals(">="))) {
                p++;
                return new Compare(op.s, a, operand());
            }
            if (isKw("BETWEEN")) {
                p++;
                Operand lo = operand();
                if (!isKw("AND")) throw err();
                p++;
                Operand hi = operand();
                Av l = constOf(lo), h = constOf(hi);
                if (l != null && h != null) {
                    if (l.type != h.type) throw new DynamoException.Validation("Invalid " + what
                            + ": The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {"
                            + l.type + ":" + l.v + "}, upper bound operand: AttributeValue: {" + h.type + ":" + h.v + "}");
                    if (Compar.cmp(l, h) != null && Compar.cmp(l, h) > 0) throw new DynamoException.Validation("Invalid " + what
                            + ": The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {"
                            + l.type + ":" + Compar.show(l) + "}, upper bound operand: AttributeValue: {" + h.type + ":" + Compar.show(h) + "}");
                }
                return new Between(a, lo, hi);
            }
            if (isKw("IN")) {
                p++;
                expect("(");
                List<Operand> l = new ArrayList<>();
                l.add(operand());
                while (isSym(",")) { p++; l.add(operand()); }
                expect(")");
                if (l.size() > 100) throw new DynamoException.Validation("Invalid " + what
                        + ": The expression contains too many operands for the IN operator; operator: IN, number of operands: " + l.size());
                return new In(a, l);
            }
            throw err();
        }

        /** Operand of a condition: path, value, or size(path). */
        Operand operand() {
            Tok t = peek();
            if (isSym("(")) {
                p++;
                Operand o = operand();
                expect(")");
                return o;
            }
            if (t.t == T.VALUEPH) { p++; return value(t); }
            if (t.t == T.NAME && t.s.equals("size") && toks.get(p + 1).s.equals("(")) {
                p += 2;
                Path path = path();
                expect(")");
                return new SizeOp(path);
            }
            if (t.t == T.NAME && toks.get(p + 1).t == T.SYM && toks.get(p + 1).s.equals("(")) {
                throw new DynamoException.Validation("Invalid " + what + ": The function is not allowed to be used this way in an expression; function: " + t.s);
            }
            return new PathOp(path());
        }

        ValOp value(Tok t) {
            Av v = ctx.values == null ? null : ctx.values.get(t.s);
            if (v == null)
                throw new DynamoException.Validation("Invalid " + what + ": An expression attribute value used in expression is not defined; attribute value: " + t.s);
            ctx.usedValues.add(t.s);
            return new ValOp(v, t.s);
        }

        Path path() {
            List<Object> parts = new ArrayList<>();
            parts.add(name());
            while (true) {
                if (isSym(".")) { p++; parts.add(name()); }
                else if (isSym("[")) {
                    p++;
                    Tok n = next();
                    if (n.t != T.NUM) { p--; throw err(); }
                    int idx;
                    try { idx = Integer.parseInt(n.s); } catch (NumberFormatException e) { throw err(); }
                    parts.add(idx);
                    expect("]");
                } else break;
            }
            return new Path(parts.toArray());
        }

        String name() {
            Tok t = next();
            if (t.t == T.NAMEPH) {
                String v = ctx.names == null ? null : ctx.names.get(t.s);
                if (v == null)
                    throw new DynamoException.Validation("Invalid " + what + ": An expression attribute name used in the document path is not defined; attribute name: " + t.s);
                ctx.usedNames.add(t.s);
                return v;
            }
            if (t.t == T.NAME) {
                if (Reserved.is(t.s))
                    throw new DynamoException.Validation("Invalid " + what + ": Attribute name is a reserved keyword; reserved keyword: " + t.s);
                return t.s;
            }
            p--;
            throw err();
        }

        // ---- update
        Update update() {
            Update u = new Update();
            Set<String> seen = new HashSet<>();
            while (peek().t != T.EOF) {
                Tok kw = next();
                String k = kw.s.toUpperCase(Locale.ROOT);
                if (kw.t != T.NAME || !(k.equals("SET") || k.equals("REMOVE") || k.equals("ADD") || k.equals("DELETE"))) {
                    p--;
                    throw err();
                }
                if (!seen.add(k))
                    throw new DynamoException.Validation("Invalid " + what + ": The \"" + k + "\" section can only be used once in an update expression;");
                do {
                    switch (k) {
                        case "SET": {
                            Path path = path();
                            expect("=");
                            u.set.add(new SetAction(path, setValue()));
                            break;
                        }
                        case "REMOVE":
                            u.remove.add(path());
                            break;
                        default: {
                            Path path = path();
                            Tok v = next();
                            if (v.t != T.VALUEPH) { p--; throw err(); }
                            Av val = value(v).value();
                            if (k.equals("ADD") && val.type != Av.Type.N && !val.isSet())
                                throw new DynamoException.Validation("Invalid " + what
                                        + ": Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName(val.type));
                            if (k.equals("DELETE") && !val.isSet())
                                throw new DynamoException.Validation("Invalid " + what
                                        + ": Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeName(val.type));
                            (k.equals("ADD") ? u.add : u.delete).add(new AddAction(path, val));
                        }
                    }
                    if (isSym(",")) p++;
                    else break;
                } while (true);
            }
            List<Path> all = u.allPaths();
            for (int i = 0; i < all.size(); i++)
                for (int j = i + 1; j < all.size(); j++) {
                    Path a = all.get(i), b = all.get(j);
                    if (a.isPrefixOf(b) || b.isPrefixOf(a)) {
                        throw new DynamoException.Validation("Invalid " + what + ": Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                                + a.listForm() + ", path two: " + b.listForm());
                    }
                }
            return u;
        }

        Operand setValue() {
            Operand a = setOperand();
            if (isSym("+") || isSym("-")) {
                char op = next().s.charAt(0);
                Operand b = setOperand();
                return new Arith(op, a, b);
            }
            return a;
        }

        Operand setOperand() {
            Tok t = peek();
            if (t.t == T.VALUEPH) { p++; return value(t); }
            if (t.t == T.NAME && toks.get(p + 1).s.equals("(") && toks.get(p + 1).t == T.SYM) {
                p += 2;
                switch (t.s) {
                    case "if_not_exists": {
                        Path path = path();
                        expect(",");
                        Operand d = setValue();
                        expect(")");
                        return new IfNotExists(path, d);
                    }
                    case "list_append": {
                        Operand a = setValue();
                        expect(",");
                        Operand b = setValue();
                        expect(")");
                        for (Operand o : new Operand[]{a, b}) {
                            Av c = constOf(o);
                            if (c != null && c.type != Av.Type.L) throw new DynamoException.Validation("Invalid " + what
                                    + ": Incorrect operand type for operator or function; operator or function: list_append, operand type: " + typeName(c.type));
                        }
                        return new ListAppend(a, b);
                    }
                    default:
                        throw new DynamoException.Validation("Invalid " + what + ": The function is not allowed in an update expression; function: " + t.s);
                }
            }
            return new PathOp(path());
        }

        List<Path> projection() {
            List<Path> l = new ArrayList<>();
            l.add(path());
            while (isSym(",")) { p++; l.add(path()); }
            end();
            for (int i = 0; i < l.size(); i++)
                for (int j = i + 1; j < l.size(); j++)
                    if (l.get(i).isPrefixOf(l.get(j)) || l.get(j).isPrefixOf(l.get(i)))
                        throw new DynamoException.Validation("Invalid " + what + ": Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                                + l.get(i).listForm() + ", path two: " + l.get(j).listForm());
            return l;
        }
    }

    static String typeName(Av.Type t) {
        return t.name();
    }

    static Av constOf(Operand o) { return o instanceof ValOp ? ((ValOp) o).value() : null; }

    static Cond parseCondition(String src, String what, Ctx ctx) { return new Parser(src, what, ctx).condition(); }
    static Update parseUpdate(String src, Ctx ctx) {
        Parser p = new Parser(src, "UpdateExpression", ctx);
        Update u = p.update();
        if (u.allPaths().isEmpty()) throw p.err();
        return u;
    }
    static List<Path> parseProjection(String src, Ctx ctx) { return new Parser(src, "ProjectionExpression", ctx).projection(); }

    // ---------------------------------------------------------------- evaluation

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

    // ---------------------------------------------------------------- update application

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
        if (parent == null) return;
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

    // ---------------------------------------------------------------- projection

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
