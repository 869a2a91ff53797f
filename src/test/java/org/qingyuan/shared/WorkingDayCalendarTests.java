package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.WorkingDayCalendar.Day;

class WorkingDayCalendarTests {

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void withoutAnnouncementsMondayToFridayAreWorkingDays() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly();
        assertThat(calendar.plusWorkingDays(d("2030-03-01"), 1)).isEqualTo(d("2030-03-04"));
        assertThat(calendar.plusWorkingDays(d("2030-03-01"), 0)).isEqualTo(d("2030-03-01"));
        assertThat(calendar.covers(d("2030-03-01"))).isFalse();
    }

    @Test
    void holidaysAreSkippedAndAdjustedWeekendsCount() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly().withYear(2031, List.of(
                new Day(d("2031-05-01"), "劳动节", true),
                new Day(d("2031-05-02"), "劳动节", true),
                new Day(d("2031-05-10"), "劳动节", false)));
        assertThat(calendar.isWorkingDay(d("2031-05-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2031-05-10"))).as("adjusted Saturday").isTrue();
        // Wed 2031-04-30 + 1 → Mon 2031-05-05 (Thu and Fri are holidays)
        assertThat(calendar.plusWorkingDays(d("2031-04-30"), 1)).isEqualTo(d("2031-05-05"));
        assertThat(calendar.workingDaysBetween(d("2031-04-30"), d("2031-05-10"))).isEqualTo(6);
        assertThat(calendar.covers(d("2031-12-31"))).isTrue();
    }

    @Test
    void aYearMayCarryTheDecemberBeforeButNothingElse() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly()
                .withYear(2032, List.of(new Day(d("2031-12-31"), "元旦", true)));
        assertThat(calendar.isWorkingDay(d("2031-12-31"))).isFalse();
        assertThatThrownBy(() -> calendar.withYear(2033, List.of(new Day(d("2031-11-30"), "x", true))))
                .hasMessageContaining("不属于 2033 年");
        assertThatThrownBy(() -> calendar.withYear(2033, List.of(new Day(d("2033-01-01"), "元旦", true),
                new Day(d("2033-01-01"), "元旦", true)))).hasMessageContaining("重复");
    }

    @Test
    void aYearCannotContradictAnother() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly()
                .withYear(2032, List.of(new Day(d("2031-12-31"), "元旦", true)));
        assertThatThrownBy(() -> calendar.withYear(2031, List.of(new Day(d("2031-12-31"), "元旦", false))))
                .hasMessageContaining("矛盾");
    }

    @Test
    void replacingAYearDropsItsOldDays() {
        WorkingDayCalendar calendar = WorkingDayCalendar.weekdaysOnly()
                .withYear(2031, List.of(new Day(d("2031-05-01"), "劳动节", true)))
                .withYear(2031, List.of(new Day(d("2031-05-02"), "劳动节", true)));
        assertThat(calendar.isWorkingDay(d("2031-05-01"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2031-05-02"))).isFalse();
        assertThat(calendar.years()).containsExactly(2031);
    }
}
