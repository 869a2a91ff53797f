package org.qingyuan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.assessment.internal.AssessmentService;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The assessment module with only what it depends on — none of the business modules that contribute indicators: it
 * still freezes a quarter, every indicator shows 无数据, and every town of the district is ranked, by code.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class AssessmentModuleTests {

    @Autowired AssessmentService quarters;

    @Test
    void withoutContributorsEveryIndicatorIsNoDataAndTheTownsRankByCode() {
        assertThat(quarters.contributedCodes()).isEmpty();
        QuarterKey key = QuarterKey.of(quarters.today()).previous().previous().previous();
        Quarter q = quarters.freeze(Scope.of(DivisionCode.of("410108")), key, "模块测试");
        assertThat(q.ranking().weights()).allMatch(w -> !w.counted());
        assertThat(q.ranking().rows()).isNotEmpty().allMatch(r -> r.score().signum() == 0);
        assertThat(q.ranking().rows()).extracting(Ranking.Row::town).isSorted();
        assertThat(q.ranking().rows().get(0).cells()).allMatch(c -> c.value() == null && "无数据".equals(c.basis()));
    }
}
