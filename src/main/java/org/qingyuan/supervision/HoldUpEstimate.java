package org.qingyuan.supervision;

import java.util.List;

/**
 * How many of a town's close-outs hold up on inspection, estimated from a round's stratified sample, with a 95%
 * interval suited to it: the stratified estimate p̂ = Σ W_h x_h / n_h (W_h = N_h / N over the closed-out strata), its
 * variance with the finite population correction, and the Korn–Graubard interval — a Clopper–Pearson interval on the
 * effective sample size n* = p̂(1 − p̂) / V̂ (capped at n; n itself when V̂ = 0), which keeps its coverage near 0 and
 * 1 where the close-outs of a town mostly hold.
 *
 * @param closedOut N, the town's closed-out enterprises in the population
 * @param inspected n, how many of them were inspected
 * @param heldUp how many of those held up
 * @param rate p̂, or null when nothing was inspected
 * @param low the interval's lower end (null without inspections)
 * @param high the interval's upper end
 */
public record HoldUpEstimate(int closedOut, int inspected, int heldUp, Double rate, Double low, Double high) {

    /** The inspections of one closed-out stratum of a town. */
    public record StratumResult(int size, int inspected, int heldUp) {

        public StratumResult {
            if (size < 0 || inspected < 0 || heldUp < 0 || inspected > size || heldUp > inspected) {
                throw new IllegalArgumentException("need 0 ≤ held up ≤ inspected ≤ size: " + heldUp + "/" + inspected + "/" + size);
            }
        }
    }

    public static final double CONFIDENCE = 0.95;

    public static HoldUpEstimate of(List<StratumResult> strata) {
        int population = strata.stream().mapToInt(StratumResult::size).sum();
        int inspected = strata.stream().mapToInt(StratumResult::inspected).sum();
        int held = strata.stream().mapToInt(StratumResult::heldUp).sum();
        int covered = strata.stream().filter(s -> s.inspected() > 0).mapToInt(StratumResult::size).sum();
        if (inspected == 0 || covered == 0) {
            return new HoldUpEstimate(population, 0, 0, null, null, null);
        }
        double rate = 0;
        double variance = 0;
        for (StratumResult s : strata) {
            if (s.inspected() == 0) {
                continue;
            }
            // strata that were not inspected at all are left out of the weights (the draw gives every closed-out one some)
            double w = (double) s.size() / covered;
            double p = (double) s.heldUp() / s.inspected();
            rate += w * p;
            double fpc = 1 - (double) s.inspected() / s.size();
            variance += w * w * fpc * p * (1 - p) / Math.max(1, s.inspected() - 1);
        }
        double effective = variance > 0 ? Math.min(inspected, rate * (1 - rate) / variance) : inspected;
        double successes = rate * effective;
        double alpha = 1 - CONFIDENCE;
        double low = successes <= 1e-9 ? 0 : BetaQuantiles.quantile(alpha / 2, successes, effective - successes + 1);
        double high = effective - successes <= 1e-9 ? 1 : BetaQuantiles.quantile(1 - alpha / 2, successes + 1, effective - successes);
        return new HoldUpEstimate(population, inspected, held, rate, low, high);
    }

    /**
     * True when a reported completion rate lies above what the inspections allow: above reported × high, i.e. when the
     * interval excludes that every close-out holds up.
     */
    public boolean contradicts(double reportedRate) {
        return high != null && reportedRate > 0 && reportedRate > reportedRate * high + 1e-12;
    }
}
