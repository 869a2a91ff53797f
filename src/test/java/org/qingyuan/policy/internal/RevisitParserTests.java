package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.RevisitSchedule;

/** A plan's {@code revisits:} (回头看): the default without it, a declared schedule, and each bad field refused by name. */
class RevisitParserTests {

    private static final String PLAN = MinimalPlan.PLAN;

    @Test
    void withoutRevisitsAPlanKeepsThePlatformsReadingOfRegularly() {
        assertThat(PolicyParser.parse(PLAN).revisits()).isEqualTo(RevisitSchedule.DEFAULT);
        assertThat(RevisitSchedule.DEFAULT.afterMonths()).containsExactly(1, 3, 6);
    }

    @Test
    void aDeclaredScheduleIsKept() {
        RevisitSchedule s = PolicyParser.parse(PLAN + "revisits: {afterMonths: [2, 6, 12], remindDaysBefore: 5, source: 四(三)}\n").revisits();
        assertThat(s.afterMonths()).containsExactly(2, 6, 12);
        assertThat(s.remindDaysBefore()).isEqualTo(5);
        assertThat(s.source()).isEqualTo("四(三)");
    }

    @Test
    void eachBadFieldIsRefusedByName() {
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [3, 1], source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("从小到大");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [], source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("revisits.afterMonths");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [1, 40], source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("1 到 36");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [1], remindDaysBefore: 一周, source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("remindDaysBefore");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [1]}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> PolicyParser.parse(PLAN + "revisits: {afterMonths: [1], every: MONTH, source: 四}\n"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("every");
    }
}
