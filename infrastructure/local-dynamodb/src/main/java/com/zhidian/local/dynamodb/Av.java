package com.zhidian.local.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value. Values are treated as immutable once stored; update expressions work on a
 * {@link #deepCopy()}.
 *
 * <p>Representation: S → String, N → normalised BigDecimal, B → {@link Bytes}, SS → Set&lt;String&gt;,
 * NS → Set&lt;BigDecimal&gt; (normalised), BS → Set&lt;Bytes&gt;, M → LinkedHashMap, L → ArrayList,
 * BOOL → Boolean, NULL → Boolean.TRUE.
 */
public final class Av implements Comparable<Av> {
    public enum Type { S, N, B, SS, NS, BS, M, L, BOOL, NULL }

    public final Type type;
    public final Object v;
    /** The size of a string or number, once asked (they never change; every read and write of an item sums sizes). */
    private int scalarSize = -1;

    private Av(Type type, Object v) {
        this.type = type;
        this.v = v;
    }

    public static Av s(String s) { return new Av(Type.S, s); }
    public static Av n(BigDecimal n) { return new Av(Type.N, Numbers.normalize(n)); }
    public static Av n(String n) { return new Av(Type.N, Numbers.parse(n)); }
    public static Av b(Bytes b) { return new Av(Type.B, b); }
    public static Av bool(boolean b) { return new Av(Type.BOOL, b); }
    public static Av nul() { return new Av(Type.NULL, Boolean.TRUE); }
    public static Av m(Map<String, Av> m) { return new Av(Type.M, m); }
    public static Av l(List<Av> l) { return new Av(Type.L, l); }
    public static Av ss(Set<String> s) { return new Av(Type.SS, s); }
    public static Av ns(Set<BigDecimal> s) { return new Av(Type.NS, s); }
    public static Av bs(Set<Bytes> s) { return new Av(Type.BS, s); }
    static Av raw(Type t, Object v) { return new Av(t, v); }

    public String str() { return (String) v; }
    public BigDecimal num() { return (BigDecimal) v; }
    public Bytes bin() { return (Bytes) v; }
    @SuppressWarnings("unchecked") public Map<String, Av> map() { return (Map<String, Av>) v; }
    @SuppressWarnings("unchecked") public List<Av> list() { return (List<Av>) v; }
    @SuppressWarnings("unchecked") public Set<Object> set() { return (Set<Object>) v; }

    public boolean isSet() { return type == Type.SS || type == Type.NS || type == Type.BS; }

    /** Element type of a set type (SS → S). */
    public static Type elementType(Type setType) {
        switch (setType) {
            case SS: return Type.S;
            case NS: return Type.N;
            case BS: return Type.B;
            default: throw new IllegalArgumentException(setType.name());
        }
    }

    public static Type setTypeOf(Type scalar) {
        switch (scalar) {
            case S: return Type.SS;
            case N: return Type.NS;
            case B: return Type.BS;
            default: return null;
        }
    }

    /** Wrap one raw set element as a scalar value. */
    public static Av element(Type setType, Object raw) { return new Av(elementType(setType), raw); }

    public Av deepCopy() {
        switch (type) {
            case M: {
                LinkedHashMap<String, Av> c = new LinkedHashMap<>();
                for (Map.Entry<String, Av> e : map().entrySet()) c.put(e.getKey(), e.getValue().deepCopy());
                return m(c);
            }
            case L: {
                ArrayList<Av> c = new ArrayList<>(list().size());
                for (Av a : list()) c.add(a.deepCopy());
                return l(c);
            }
            case SS: case NS: case BS:
                return new Av(type, new LinkedHashSet<>(set()));
            default:
                return this;
        }
    }

    public static Map<String, Av> deepCopy(Map<String, Av> item) {
        LinkedHashMap<String, Av> c = new LinkedHashMap<>();
        for (Map.Entry<String, Av> e : item.entrySet()) c.put(e.getKey(), e.getValue().deepCopy());
        return c;
    }

    /** Approximate stored size in bytes, following the rules AWS documents for item size. */
    public int size() {
        switch (type) {
            case S: case N: {
                int size = scalarSize;
                if (size < 0) scalarSize = size = type == Type.S ? utf8Length(str()) : Numbers.size(num());
                return size;
            }
            case B: return bin().length();
            case BOOL: case NULL: return 1;
            case SS: { int s = 0; for (Object o : set()) s += utf8Length((String) o); return s; }
            case NS: { int s = 0; for (Object o : set()) s += Numbers.size((BigDecimal) o); return s; }
            case BS: { int s = 0; for (Object o : set()) s += ((Bytes) o).length(); return s; }
            case M: {
                int s = 3;
                for (Map.Entry<String, Av> e : map().entrySet()) s += utf8Length(e.getKey()) + e.getValue().size() + 1;
                return s;
            }
            case L: {
                int s = 3;
                for (Av a : list()) s += a.size() + 1;
                return s;
            }
            default: return 0;
        }
    }

    public static int itemSize(Map<String, Av> item) {
        int s = 0;
        for (Map.Entry<String, Av> e : item.entrySet()) s += utf8Length(e.getKey()) + e.getValue().size();
        return s;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Av)) return false;
        Av a = (Av) o;
        if (a.type != type) return false;
        if (type == Type.N) return num().compareTo(a.num()) == 0;
        return Objects.equals(v, a.v);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (type == Type.N ? num().stripTrailingZeros().hashCode() : Objects.hashCode(v));
    }

    /** Order of key values as AWS orders them: numbers numerically, strings and binaries by unsigned bytes. */
    @Override
    public int compareTo(Av o) {
        if (type != o.type) return type.compareTo(o.type);
        switch (type) {
            case N: return num().compareTo(o.num());
            case S: return compareUtf8(str(), o.str());
            case B: return bin().compareTo(o.bin());
            default: return 0;
        }
    }

    /** Compares two strings by their UTF-8 bytes, unsigned, without allocating. */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x != y) {
                // UTF-8 byte order equals code point order; UTF-16 order differs only for surrogates vs U+E000..U+FFFF.
                boolean xs = Character.isSurrogate(x), ys = Character.isSurrogate(y);
                if (xs != ys) return xs ? 1 : -1;
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    @Override
    public String toString() {
        return type + ":" + (type == Type.B ? bin().toString() : String.valueOf(v));
    }

    /** Immutable byte string with unsigned lexicographic order. */
    public static final class Bytes implements Comparable<Bytes> {
        final byte[] b;
        private int hash;

        public Bytes(byte[] b) { this.b = b; }
        public static Bytes ofBase64(String s) { return new Bytes(Base64.getDecoder().decode(s)); }
        public static Bytes utf8(String s) { return new Bytes(s.getBytes(StandardCharsets.UTF_8)); }
        public int length() { return b.length; }
        public byte[] bytes() { return b.clone(); }
        public String base64() { return Base64.getEncoder().encodeToString(b); }
        public boolean startsWith(Bytes p) {
            if (p.b.length > b.length) return false;
            for (int i = 0; i < p.b.length; i++) if (b[i] != p.b[i]) return false;
            return true;
        }
        public boolean contains(Bytes p) {
            outer:
            for (int i = 0; i + p.b.length <= b.length; i++) {
                for (int j = 0; j < p.b.length; j++) if (b[i + j] != p.b[j]) continue outer;
                return true;
            }
            return false;
        }
        @Override public boolean equals(Object o) { return o instanceof Bytes && Arrays.equals(b, ((Bytes) o).b); }
        @Override public int hashCode() { int h = hash; if (h == 0) hash = h = Arrays.hashCode(b) | 1; return h; }
        @Override public int compareTo(Bytes o) { return Arrays.compareUnsigned(b, o.b); }
        @Override public String toString() { return base64(); }
    }

    /** Iterates raw elements of a set value as scalar values. */
    public Iterable<Av> elements() {
        Type et = elementType(type);
        return () -> new Iterator<>() {
            final Iterator<Object> it = set().iterator();
            public boolean hasNext() { return it.hasNext(); }
            public Av next() { return new Av(et, it.next()); }
        };
    }
}
