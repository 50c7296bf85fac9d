package com.zhidian.samplestore.year;

import java.util.SplittableRandom;

/** Seeded randomness, keyed so that every series can be drawn on its own and still equal the whole year's. */
final class Rng {
    private Rng() {}

    static SplittableRandom of(long seed, long... keys) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long k : keys) h = mix(h ^ (k + 0x632BE59BD9B4E019L));
        return new SplittableRandom(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        if (mean > 40) return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do { k++; p *= r.nextDouble(); } while (p > l);
        return k - 1;
    }

    static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble()), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
        return weights.length - 1;
    }
}
