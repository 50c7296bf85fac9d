package com.zhidian.purchasing.domain;

/**
 * How much to order of one product (自动订货): the forecast over the supplier's lead time (the sum of the days'
 * expected demand) plus safety stock for the service level (the lead-time demand's quantile at that level less its
 * mean: z × its standard deviation for Gaussian forecasts, the drawn quantile for intermittent ones), less what is available and what is
 * already on order, rounded up to whole cases and to at least the minimum order. Stock-out risk: the days
 * available stock lasts at the forecast daily demand, when that is shorter than the lead time.
 */
public final class Replenishment {
    private Replenishment() {}

    /**
     * @param quantileOverLeadTime the service level's quantile of the lead-time demand when the forecast's distribution
     *                             is not Gaussian (intermittent items); null: z × {@code sigmaOverLeadTime}
     */
    public record Input(String gtin, int leadTimeDays, int casePack, int minOrder, double demandOverLeadTime,
                        double sigmaOverLeadTime, double serviceLevel, long available, long onOrder, Double quantileOverLeadTime) {
        public Input(String gtin, int leadTimeDays, int casePack, int minOrder, double demandOverLeadTime,
                     double sigmaOverLeadTime, double serviceLevel, long available, long onOrder) {
            this(gtin, leadTimeDays, casePack, minOrder, demandOverLeadTime, sigmaOverLeadTime, serviceLevel, available, onOrder, null);
        }
    }

    /**
     * @param safetyStock z × sigma, to one decimal
     * @param need        lead-time demand + safety − available − on order, to one decimal (may be ≤ 0)
     * @param quantity    units to order: 0, or a whole number of cases at least the minimum order
     * @param daysOfCover available ÷ daily demand (null when there is no demand)
     * @param atRisk      available stock runs out before an order placed now could arrive
     */
    public record Suggestion(Input input, double z, double safetyStock, double target, double need, long quantity,
                             Double daysOfCover, boolean atRisk) {}

    public static Suggestion suggest(Input in) {
        double z = ServiceLevel.z(in.serviceLevel());
        double safety = round1(Math.max(0, in.quantileOverLeadTime() != null
                ? in.quantileOverLeadTime() - in.demandOverLeadTime() : z * in.sigmaOverLeadTime()));
        double demand = round1(in.demandOverLeadTime());
        double target = round1(demand + safety);
        double need = round1(target - in.available() - in.onOrder());
        long qty = 0;
        if (need > 0) {
            long cases = (long) Math.ceil(need / in.casePack());
            long minCases = (long) Math.ceil((double) in.minOrder() / in.casePack());
            qty = Math.max(cases, minCases) * in.casePack();
        }
        double daily = in.demandOverLeadTime() / in.leadTimeDays();
        Double cover = daily > 1e-9 ? round1(Math.max(0, in.available()) / daily) : null;
        boolean risk = cover != null && cover < in.leadTimeDays();
        return new Suggestion(in, round3(z), safety, target, need, qty, cover, risk);
    }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }
    static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
