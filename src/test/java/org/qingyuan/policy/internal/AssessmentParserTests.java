package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.policy.AssessmentScheme.Direction;
import org.qingyuan.policy.PolicyFormatException;

/** A plan's {@code assessment:} (季度考核): the platform's reading without it, a declared scheme, bad fields by name. */
class AssessmentParserTests {

    private static final String PLAN = MinimalPlan.PLAN;

    @Test
    void withoutItAPlanKeepsTheDefaultSixIndicatorsWeighingOneHundred() {
        AssessmentScheme scheme = PolicyParser.parse(PLAN).assessment();
        assertThat(scheme).isEqualTo(AssessmentScheme.DEFAULT);
        assertThat(scheme.indicators()).extracting(AssessmentScheme.Indicator::code)
                .containsExactlyElementsOf(AssessmentScheme.CODES);
        assertThat(scheme.indicators().stream().mapToInt(AssessmentScheme.Indicator::weight).sum()).isEqualTo(100);
        assertThat(scheme.cutOffDays()).isEqualTo(15);
    }

    @Test
    void aDeclaredSchemeIsKept() {
        AssessmentScheme scheme = PolicyParser.parse(PLAN + """
                assessment:
                  cutOffDays: 10
                  indicators:
                    - {code: COMPLETION_RATE, name: 完成率, weight: 60, direction: HIGHER_IS_BETTER, source: 六(二)}
                    - {code: REBOUNDS, name: 反弹, weight: 40, direction: LOWER_IS_BETTER}
                  source: 区考核办法
                """).assessment();
        assertThat(scheme.cutOffDays()).isEqualTo(10);
        assertThat(scheme.indicators()).hasSize(2);
        assertThat(scheme.indicator("REBOUNDS").orElseThrow().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(scheme.indicator("COMPLETION_RATE").orElseThrow().weight()).isEqualTo(60);
        assertThat(scheme.source()).isEqualTo("区考核办法");
    }

    @Test
    void weightsNotSummingToOneHundredAreRefused() {
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + """
                assessment:
                  indicators:
                    - {code: COMPLETION_RATE, name: 完成率, weight: 60, direction: HIGHER_IS_BETTER}
                    - {code: REBOUNDS, name: 反弹, weight: 30, direction: LOWER_IS_BETTER}
                  source: 区考核办法
                """)).isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("assessment.indicators.weight").hasMessageContaining("100").hasMessageContaining("90");
    }

    @Test
    void eachBadFieldIsRefusedByName() {
        String one = "assessment: {indicators: [{code: %s, name: 完成率, weight: %s, direction: %s}], source: 办法}\n";
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + one.formatted("SPEED", "100", "HIGHER_IS_BETTER")))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("assessment.indicators.code");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + one.formatted("COMPLETION_RATE", "百", "HIGHER_IS_BETTER")))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("assessment.indicators.weight");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + one.formatted("COMPLETION_RATE", "100", "UP")))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("assessment.indicators.direction");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "assessment: {cutOffDays: -1, indicators: [], source: 办法}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("assessment.cutOffDays");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "assessment: {indicators: [], source: 办法}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("assessment.indicators");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "assessment: {indicators: [{code: REBOUNDS, name: 反弹, weight: 100, direction: LOWER_IS_BETTER}]}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "assessment: {weights: 1, indicators: [], source: 办法}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("weights");
    }
}
