package org.qingyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.assessment.AssessmentIndicator;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Supervision's indicators of the quarterly assessment over the demo's last quarter: every town has its count of
 * findings (a town without any has 0, so the indicator is never 无数据 for want of a town), the demo's two findings
 * are counted with links to the tracking ledger, and the towns' hold-up rates come from last quarter's finished round.
 */
@SpringBootTest
class SupervisionIndicatorTests {

    @Autowired List<AssessmentIndicator> indicators;

    AssessmentIndicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void lastQuartersFindingsAndHoldUpRatesAreTheDemosRound() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate start = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        LocalDate end = start.plusMonths(3).minusDays(1);
        DivisionCode district = DivisionCode.of("410108");
        Map<String, IndicatorValue> findings = indicator(AssessmentScheme.SUPERVISION_FINDINGS).values(district, start, end);
        assertThat(findings).hasSize(8);
        assertThat(findings.values().stream().map(IndicatorValue::value).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("2");
        assertThat(findings.values().stream().flatMap(v -> v.evidence().stream()))
                .allSatisfy(l -> assertThat(l.href()).startsWith("/supervision/problems/"));
        Map<String, IndicatorValue> holdUp = indicator(AssessmentScheme.HOLD_UP_RATE).values(district, start, end);
        assertThat(holdUp).isNotEmpty();
        assertThat(holdUp.values()).allSatisfy(v -> assertThat(v.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
        assertThat(holdUp.values().stream().anyMatch(v -> v.value().compareTo(BigDecimal.ONE) < 0)).as("the contradicted close-out").isTrue();
        // nothing in a quarter without a round
        assertThat(indicator(AssessmentScheme.HOLD_UP_RATE).values(district, start.minusYears(1), end.minusYears(1))).isEmpty();
    }
}
