package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.SupervisionRules;
import org.qingyuan.policy.SupervisionRules.StepKind;

/** A plan's {@code supervision:} (督查): 001's reading without it, a declared share and ladder, bad fields by name. */
class SupervisionParserTests {

    private static final String PLAN = MinimalPlan.PLAN;

    @Test
    void withoutItAPlanKeeps001sTwentyPercentAndItsNoticeThenSummonsLadder() {
        SupervisionRules rules = PolicyParser.parse(PLAN).supervision();
        assertThat(rules).isEqualTo(SupervisionRules.DEFAULT);
        assertThat(rules.share()).isEqualByComparingTo("0.20");
        assertThat(rules.ladder()).extracting(SupervisionRules.Step::kind).containsExactly(StepKind.NOTICE, StepKind.SUMMONS);
    }

    @Test
    void aDeclaredShareAndLadderAreKept() {
        SupervisionRules rules = PolicyParser.parse(PLAN + """
                supervision:
                  share: 0.3
                  rectifyWorkingDays: 10
                  ladder:
                    - {kind: NOTICE, action: 通报批评并限期整改, deadlineWorkingDays: 7}
                    - {kind: NOTICE, action: 再次通报, deadlineWorkingDays: 5}
                    - {kind: SUMMONS, action: 约谈镇政府主要负责人, deadlineWorkingDays: 3}
                  source: 六(二)
                """).supervision();
        assertThat(rules.share()).isEqualByComparingTo(new BigDecimal("0.3"));
        assertThat(rules.rectifyWorkingDays()).isEqualTo(10);
        assertThat(rules.ladder()).hasSize(3);
        assertThat(rules.ladder().get(2).action()).isEqualTo("约谈镇政府主要负责人");
        assertThat(rules.source()).isEqualTo("六(二)");
    }

    @Test
    void eachBadFieldIsRefusedByName() {
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "supervision: {share: 1.5, source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("supervision.share");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "supervision: {share: 二成, source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("supervision.share");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "supervision: {share: 0.2, ladder: [{kind: WARN, action: x, deadlineWorkingDays: 3}], source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("NOTICE");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "supervision: {share: 0.2, rectifyWorkingDays: 0, source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("rectifyWorkingDays");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "supervision: {share: 0.2}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("source");
    }
}
