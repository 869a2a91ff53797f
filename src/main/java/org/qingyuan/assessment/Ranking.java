package org.qingyuan.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.policy.AssessmentScheme.Direction;
import org.qingyuan.policy.AssessmentScheme.Indicator;

/**
 * A quarter's ranking, with every intermediate number, as a pure function of the frozen inputs and the scheme:
 * <ol>
 * <li>An indicator counts only when it has a value for every town of the district; one that has not (no contributor,
 * or a town without a value) shows 无数据 and its weight is redistributed over the counted indicators in proportion to
 * their weights: effective weight = declared weight × 100 / sum of the counted indicators' declared weights.</li>
 * <li>Each counted indicator is min–max normalised over the towns to 0–100, direction-aware: higher-is-better
 * {@code (v − min) / (max − min) × 100}, lower-is-better {@code (max − v) / (max − min) × 100}; when every town has
 * the same value, every town gets 100.</li>
 * <li>A town's points on an indicator are normalised × effective weight / 100; its score is the sum of its points,
 * rounded to two decimals (half up).</li>
 * <li>Towns are ordered by score, highest first; equal scores by town code.</li>
 * </ol>
 * Normalised values and points are kept to 4 decimals, effective weights to 6, all half up, so the result is the same
 * wherever it is recomputed.
 *
 * @param weights each indicator of the scheme, counted or not
 * @param rows the towns in rank order
 */
public record Ranking(List<Weight> weights, List<Row> rows) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param code the indicator
     * @param name its name
     * @param direction HIGHER_IS_BETTER or LOWER_IS_BETTER
     * @param declared the scheme's weight
     * @param effective the weight applied (0 when not counted)
     * @param counted whether every town had a value
     * @param missing the towns without a value (无数据)
     */
    public record Weight(String code, String name, String direction, int declared, BigDecimal effective, boolean counted,
                         List<String> missing) {
    }

    /**
     * @param code the indicator
     * @param value the town's value, null for 无数据
     * @param basis how it was obtained
     * @param normalised 0–100, null when the indicator does not count
     * @param points normalised × effective weight / 100 (0 when the indicator does not count)
     */
    public record Cell(String code, BigDecimal value, String basis, BigDecimal normalised, BigDecimal points) {
    }

    /** A town's place. */
    public record Row(int rank, String town, String name, BigDecimal score, List<Cell> cells) {

        public Optional<Cell> cell(String code) {
            return cells.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    public Ranking {
        weights = List.copyOf(weights);
        rows = List.copyOf(rows);
    }

    public Optional<Row> row(String town) {
        return rows.stream().filter(r -> r.town().equals(town)).findFirst();
    }

    /** Ranks the inputs' towns under the scheme. */
    public static Ranking compute(FrozenInputs in, AssessmentScheme scheme) {
        List<FrozenInputs.Town> towns = in.towns();
        int countedSum = 0;
        List<List<String>> missing = new ArrayList<>();
        for (Indicator i : scheme.indicators()) {
            List<String> without = towns.stream().map(FrozenInputs.Town::code).filter(t -> in.value(i.code(), t) == null).toList();
            missing.add(without);
            if (without.isEmpty() && !towns.isEmpty()) {
                countedSum += i.weight();
            }
        }
        List<Weight> weights = new ArrayList<>();
        for (int k = 0; k < scheme.indicators().size(); k++) {
            Indicator i = scheme.indicators().get(k);
            boolean counted = missing.get(k).isEmpty() && !towns.isEmpty();
            BigDecimal effective = counted
                    ? BigDecimal.valueOf(i.weight()).multiply(HUNDRED).divide(BigDecimal.valueOf(countedSum), 6, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(6);
            weights.add(new Weight(i.code(), i.name(), i.direction().name(), i.weight(), effective, counted, missing.get(k)));
        }
        List<Row> unranked = new ArrayList<>();
        for (FrozenInputs.Town town : towns) {
            List<Cell> cells = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < scheme.indicators().size(); k++) {
                Indicator i = scheme.indicators().get(k);
                Weight w = weights.get(k);
                IndicatorValue v = in.value(i.code(), town.code());
                if (!w.counted()) {
                    cells.add(new Cell(i.code(), v == null ? null : v.value(), v == null ? "无数据" : v.basis(), null,
                            BigDecimal.ZERO.setScale(4)));
                    continue;
                }
                BigDecimal normalised = normalise(v.value(), in, i);
                BigDecimal points = normalised.multiply(w.effective()).divide(HUNDRED, 4, RoundingMode.HALF_UP);
                sum = sum.add(points);
                cells.add(new Cell(i.code(), v.value(), v.basis(), normalised, points));
            }
            unranked.add(new Row(0, town.code(), town.name(), sum.setScale(2, RoundingMode.HALF_UP), cells));
        }
        unranked.sort(Comparator.comparing(Row::score).reversed().thenComparing(Row::town));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < unranked.size(); r++) {
            Row row = unranked.get(r);
            rows.add(new Row(r + 1, row.town(), row.name(), row.score(), row.cells()));
        }
        return new Ranking(weights, rows);
    }

    private static BigDecimal normalise(BigDecimal v, FrozenInputs in, Indicator i) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (FrozenInputs.Town t : in.towns()) {
            BigDecimal x = in.value(i.code(), t.code()).value();
            min = min == null || x.compareTo(min) < 0 ? x : min;
            max = max == null || x.compareTo(max) > 0 ? x : max;
        }
        BigDecimal range = max.subtract(min);
        if (range.signum() == 0) {
            return HUNDRED.setScale(4);
        }
        BigDecimal above = i.direction() == Direction.HIGHER_IS_BETTER ? v.subtract(min) : max.subtract(v);
        return above.multiply(HUNDRED).divide(range, 4, RoundingMode.HALF_UP);
    }
}
