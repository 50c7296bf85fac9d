package com.zhidian.local.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.zhidian.local.dynamodb.Expr.*;

/**
 * Reads the expression languages into {@link Expr}'s tree: a tokenizer and a recursive-descent parser with
 * DynamoDB's precedence and its error messages, names and values substituted as they are read.
 */
final class ExprParser {
    private ExprParser() {}

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

        // conditions
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
                        requirePath(fn);
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

        // update expressions
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

        /** A value where a function takes a document path is its own error in DynamoDB, not a syntax error. */
        void requirePath(String fn) {
            if (peek().t == T.VALUEPH)
                throw new DynamoException.Validation("Invalid " + what + ": Operator or function requires a document path; operator or function: " + fn);
        }

        Operand setOperand() {
            Tok t = peek();
            if (t.t == T.VALUEPH) { p++; return value(t); }
            if (t.t == T.NAME && toks.get(p + 1).s.equals("(") && toks.get(p + 1).t == T.SYM) {
                p += 2;
                switch (t.s) {
                    case "if_not_exists": {
                        requirePath("if_not_exists");
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
}
