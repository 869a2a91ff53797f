package org.qingyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The estimate of how many close-outs hold up (issue 17 §4): 1,000 simulated towns with known true rates, sampled by
 * the round's own draw; the 95% interval must cover the truth in at least 93% of them.
 */
class HoldUpEstimateTests {

    static final List<String> MEASURES = List.of("SHUTDOWN", "RELOCATE", "REMEDIATE");

    @Test
    void theIntervalCoversTheTrueRateInAtLeast93PercentOf1000Towns() {
        Random random = new Random(20261205);
        int covered = 0;
        int towns = 1000;
        double width = 0;
        for (int t = 0; t < towns; t++) {
            String town = "town" + t;
            // the town's close-outs hold up with its own propensity per measure; most towns mostly honest
            double base = random.nextDouble() < 0.3 ? 1.0 : 0.55 + 0.45 * random.nextDouble();
            List<PopulationEntry> entries = new ArrayList<>();
            Map<Long, Boolean> holds = new HashMap<>();
            int size = 30 + random.nextInt(600);
            int closed = 0;
            int held = 0;
            for (long id = 1; id <= size; id++) {
                int m = random.nextInt(3);
                boolean isClosed = random.nextDouble() < 0.6;
                Stratum stratum = new Stratum(MEASURES.get(m), isClosed ? Stratum.CLOSED_OUT : Stratum.OPEN);
                entries.add(new PopulationEntry(id, town, stratum));
                if (isClosed) {
                    boolean h = random.nextDouble() < Math.min(1, base + (m - 1) * 0.05);
                    holds.put(id, h);
                    closed++;
                    held += h ? 1 : 0;
                }
            }
            double truth = closed == 0 ? 1 : (double) held / closed;
            Draw.Sample sample = Draw.draw(new Population(entries), "sim-" + t, new BigDecimal("0.20"));
            List<HoldUpEstimate.StratumResult> strata = new ArrayList<>();
            for (Draw.Allocation a : sample.allocations()) {
                if (!a.stratum().closedOut()) {
                    continue;
                }
                int ok = (int) sample.drawn().stream().filter(d -> d.stratum().equals(a.stratum()) && holds.get(d.enterpriseId())).count();
                strata.add(new HoldUpEstimate.StratumResult(a.size(), a.drawn(), ok));
            }
            HoldUpEstimate estimate = HoldUpEstimate.of(strata);
            if (closed == 0) {
                covered++;
                continue;
            }
            width += estimate.high() - estimate.low();
            if (estimate.low() <= truth + 1e-12 && truth <= estimate.high() + 1e-12) {
                covered++;
            }
        }
        System.out.printf("hold-up interval: coverage %d/%d, mean width %.3f%n", covered, towns, width / towns);
        assertThat(covered).isGreaterThanOrEqualTo(930);
    }

    @Test
    void withOneStratumItIsTheClopperPearsonInterval() {
        // 0 of 10: [0, 0.3085]; 10 of 10: [0.6915, 1] (no finite-population correction: N large); 5 of 10 at least as
        // wide as Clopper–Pearson's [0.1871, 0.8129], the effective size being n − 1 with the unbiased variance
        HoldUpEstimate none = HoldUpEstimate.of(List.of(new HoldUpEstimate.StratumResult(1_000_000, 10, 0)));
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.3085, within(1e-4));
        HoldUpEstimate all = HoldUpEstimate.of(List.of(new HoldUpEstimate.StratumResult(1_000_000, 10, 10)));
        assertThat(all.low()).isCloseTo(0.6915, within(1e-4));
        assertThat(all.high()).isEqualTo(1.0);
        HoldUpEstimate half = HoldUpEstimate.of(List.of(new HoldUpEstimate.StratumResult(1_000_000, 10, 5)));
        assertThat(half.rate()).isEqualTo(0.5);
        assertThat(half.low()).isBetween(0.15, 0.1872);
        assertThat(half.high()).isBetween(0.8128, 0.85);
    }

    @Test
    void aReportedRateAboveTheIntervalIsFlaggedAndOneWithinItIsNot() {
        HoldUpEstimate found = HoldUpEstimate.of(List.of(new HoldUpEstimate.StratumResult(200, 40, 30)));
        assertThat(found.contradicts(0.9)).isTrue();
        HoldUpEstimate clean = HoldUpEstimate.of(List.of(new HoldUpEstimate.StratumResult(200, 40, 40)));
        assertThat(clean.contradicts(0.9)).isFalse();
        assertThat(HoldUpEstimate.of(List.of()).rate()).isNull();
    }
}
