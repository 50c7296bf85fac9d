package com.zhidian.purchasing.domain.forecast;

/**
 * Syntetos-Boylan-Croston classification of a demand history by the average inter-demand interval (ADI)
 * and the squared coefficient of variation of the non-zero demand sizes (CV²), with the usual cut-offs
 * 1.32 and 0.49. Smooth and erratic items are forecast with exponential smoothing (ETS), intermittent and
 * lumpy ones with TSB; an item that never sold has no demand to forecast.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND;

    public static final double ADI_CUT = 1.32;
    public static final double CV2_CUT = 0.49;

    public static DemandClass of(double[] y) {
        Stats s = Stats.of(y);
        if (s.nonZero == 0) return NO_DEMAND;
        boolean sparse = s.adi >= ADI_CUT;
        boolean variable = s.cv2 >= CV2_CUT;
        if (!sparse) return variable ? ERRATIC : SMOOTH;
        return variable ? LUMPY : INTERMITTENT;
    }

    public boolean intermittent() { return this == INTERMITTENT || this == LUMPY; }

    /** ADI and CV² of a series, as the classification reads them. */
    public record Stats(int nonZero, double adi, double cv2) {
        public static Stats of(double[] y) {
            int k = 0;
            double sum = 0, sumSq = 0;
            for (double v : y) {
                if (v > 0) { k++; sum += v; sumSq += v * v; }
            }
            if (k == 0) return new Stats(0, Double.POSITIVE_INFINITY, 0);
            double mean = sum / k;
            double var = k > 1 ? Math.max(0, (sumSq - k * mean * mean) / (k - 1)) : 0;
            return new Stats(k, (double) y.length / k, var / (mean * mean));
        }
    }
}
