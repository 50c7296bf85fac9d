package com.zhidian.local.dynamodb;

/** Ordering comparisons of scalar values as conditions use them. */
final class Compar {
    private Compar() {}

    /** Compares two values of the same scalar type (S, N, B); null when they are not comparable. */
    static Integer cmp(Av a, Av b) {
        if (a == null || b == null || a.type != b.type) return null;
        switch (a.type) {
            case S: case N: case B: return a.compareTo(b);
            default: return null;
        }
    }

    static String show(Av a) {
        return a.type == Av.Type.N ? Numbers.format(a.num()) : a.type == Av.Type.B ? a.bin().base64() : String.valueOf(a.v);
    }
}
