package org.qingyuan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.assessment.internal.AssessmentJson;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.policy.AssessmentScheme.Direction;
import org.qingyuan.policy.AssessmentScheme.Indicator;

/** The ranking as a pure function of the frozen inputs: direction, normalisation, ties, missing data, reproducibility. */
class RankingTests {

    static final List<FrozenInputs.Town> TOWNS = List.of(new FrozenInputs.Town("410108001", "甲镇"),
            new FrozenInputs.Town("410108002", "乙镇"), new FrozenInputs.Town("410108003", "丙镇"));

    static AssessmentScheme scheme(Indicator... indicators) {
        return new AssessmentScheme(List.of(indicators), 15, "测试");
    }

    static Indicator higher(String code, int weight) {
        return new Indicator(code, code, weight, Direction.HIGHER_IS_BETTER, "");
    }

    static Indicator lower(String code, int weight) {
        return new Indicator(code, code, weight, Direction.LOWER_IS_BETTER, "");
    }

    /** Values per indicator: code → three values for 甲, 乙, 丙 (null: that town has none). */
    static FrozenInputs inputs(Map<String, String[]> byCode) {
        Map<String, Map<String, IndicatorValue>> values = new HashMap<>();
        byCode.forEach((code, v) -> {
            Map<String, IndicatorValue> m = new HashMap<>();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    m.put(TOWNS.get(i).code(), new IndicatorValue(new BigDecimal(v[i]), "依据 " + v[i], List.of()));
                }
            }
            values.put(code, m);
        });
        return new FrozenInputs("410108", 2026, 3, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15),
                TOWNS, values);
    }

    @Test
    void higherIsBetterAndLowerIsBetterAreNormalisedFromZeroToOneHundred() {
        Ranking r = Ranking.compute(inputs(Map.of("COMPLETION_RATE", new String[]{"0.5", "1.0", "0.75"},
                "OVERDUE_CASES", new String[]{"0", "10", "5"})), scheme(higher("COMPLETION_RATE", 50), lower("OVERDUE_CASES", 50)));
        Ranking.Row a = r.row("410108001").orElseThrow();
        Ranking.Row b = r.row("410108002").orElseThrow();
        Ranking.Row c = r.row("410108003").orElseThrow();
        assertThat(a.cell("COMPLETION_RATE").orElseThrow().normalised()).isEqualByComparingTo("0");
        assertThat(b.cell("COMPLETION_RATE").orElseThrow().normalised()).isEqualByComparingTo("100");
        assertThat(c.cell("COMPLETION_RATE").orElseThrow().normalised()).isEqualByComparingTo("50");
        assertThat(a.cell("OVERDUE_CASES").orElseThrow().normalised()).as("fewest overdue is best").isEqualByComparingTo("100");
        assertThat(b.cell("OVERDUE_CASES").orElseThrow().normalised()).isEqualByComparingTo("0");
        assertThat(a.score()).isEqualByComparingTo("50.00");
        assertThat(b.score()).isEqualByComparingTo("50.00");
        assertThat(c.score()).isEqualByComparingTo("50.00");
        assertThat(c.cell("OVERDUE_CASES").orElseThrow().points()).isEqualByComparingTo("25");
    }

    @Test
    void equalScoresAreOrderedByTownCodeAndEveryRankIsAPosition() {
        Ranking r = Ranking.compute(inputs(Map.of("COMPLETION_RATE", new String[]{"0.5", "1.0", "0.75"},
                "OVERDUE_CASES", new String[]{"0", "10", "5"})), scheme(higher("COMPLETION_RATE", 50), lower("OVERDUE_CASES", 50)));
        assertThat(r.rows()).extracting(Ranking.Row::town).containsExactly("410108001", "410108002", "410108003");
        assertThat(r.rows()).extracting(Ranking.Row::rank).containsExactly(1, 2, 3);
    }

    @Test
    void whenEveryTownHasTheSameValueEveryTownGetsOneHundred() {
        Ranking r = Ranking.compute(inputs(Map.of("REBOUNDS", new String[]{"2", "2", "2"}, "COMPLETION_RATE", new String[]{"0.2", "0.9", "0.5"})),
                scheme(lower("REBOUNDS", 40), higher("COMPLETION_RATE", 60)));
        r.rows().forEach(row -> assertThat(row.cell("REBOUNDS").orElseThrow().normalised()).isEqualByComparingTo("100"));
        assertThat(r.rows().get(0).town()).isEqualTo("410108002");
        assertThat(r.rows().get(0).score()).isEqualByComparingTo("100.00");
        assertThat(r.rows().get(2).score()).isEqualByComparingTo("40.00");
    }

    @Test
    void anIndicatorWithoutAContributorOrMissingATownIsNoDataAndItsWeightGoesProportionallyToTheOthers() {
        // 30 COMPLETION_RATE + 10 REPORT_PUNCTUALITY count; 20 REBOUNDS misses 丙镇, 40 HOLD_UP_RATE has no contributor
        Ranking r = Ranking.compute(inputs(Map.of("COMPLETION_RATE", new String[]{"1", "0", "0.5"},
                        "REPORT_PUNCTUALITY", new String[]{"0", "1", "1"}, "REBOUNDS", new String[]{"0", "3", null})),
                scheme(higher("COMPLETION_RATE", 30), higher("REPORT_PUNCTUALITY", 10), lower("REBOUNDS", 20), higher("HOLD_UP_RATE", 40)));
        assertThat(r.weights()).extracting(Ranking.Weight::counted).containsExactly(true, true, false, false);
        assertThat(r.weights().get(0).effective()).isEqualByComparingTo("75");
        assertThat(r.weights().get(1).effective()).isEqualByComparingTo("25");
        assertThat(r.weights().get(2).effective()).isEqualByComparingTo("0");
        assertThat(r.weights().get(2).missing()).containsExactly("410108003");
        assertThat(r.weights().get(3).missing()).hasSize(3);
        Ranking.Row c = r.row("410108003").orElseThrow();
        assertThat(c.cell("REBOUNDS").orElseThrow().value()).isNull();
        assertThat(c.cell("REBOUNDS").orElseThrow().basis()).isEqualTo("无数据");
        assertThat(c.cell("HOLD_UP_RATE").orElseThrow().normalised()).isNull();
        // 甲 75 + 0; 乙 0 + 25; 丙 37.5 + 25
        assertThat(r.row("410108001").orElseThrow().score()).isEqualByComparingTo("75.00");
        assertThat(r.row("410108002").orElseThrow().score()).isEqualByComparingTo("25.00");
        assertThat(c.score()).isEqualByComparingTo("62.50");
        assertThat(r.rows()).extracting(Ranking.Row::town).containsExactly("410108001", "410108003", "410108002");
        // a town without a value still has its other values shown
        assertThat(r.row("410108001").orElseThrow().cell("REBOUNDS").orElseThrow().value()).isEqualByComparingTo("0");
    }

    @Test
    void theFrozenInputsCanonicalJsonReadsBackToTheSameDigestAndRanking() {
        FrozenInputs in = inputs(Map.of("COMPLETION_RATE", new String[]{"0.7193", "0.5000", "1"},
                "OVERDUE_CASES", new String[]{"3", "0", "12"}));
        AssessmentScheme scheme = AssessmentScheme.DEFAULT;
        String json = AssessmentJson.inputs(in);
        FrozenInputs back = AssessmentJson.readInputs(json);
        assertThat(AssessmentJson.inputs(back)).isEqualTo(json);
        String ranking = AssessmentJson.ranking(Ranking.compute(in, scheme));
        assertThat(AssessmentJson.ranking(Ranking.compute(back, AssessmentJson.readScheme(AssessmentJson.scheme(scheme))))).isEqualTo(ranking);
        assertThat(AssessmentJson.readRanking(ranking)).isEqualTo(Ranking.compute(in, scheme));
    }
}
