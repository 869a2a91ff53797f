package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;

/** The official holiday data 2017–2026 as shipped, and the checks on an uploaded year. */
class ShippedCalendarTests {

    private static final WorkingDayCalendar CALENDAR = HolidayFiles.shipped();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void coversTheYears2017To2026() {
        assertThat(CALENDAR.years()).containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void fiveWorkingDaysFromFridayBeforeNationalDay2017SkipTheHolidayWeekAndCountTheAdjustedSaturday() {
        assertThat(CALENDAR.isWorkingDay(d("2017-09-30"))).as("Saturday 2017-09-30 is an adjusted working day").isTrue();
        // 9-30 (Sat, adjusted) 1, 10-1..10-8 off, 10-9 2, 10-10 3, 10-11 4, 10-12 5
        assertThat(CALENDAR.plusWorkingDays(d("2017-09-29"), 5)).isEqualTo(d("2017-10-12"));
        assertThat(CALENDAR.plusWorkingDays(d("2017-09-29"), 1)).isEqualTo(d("2017-09-30"));
    }

    @Test
    void springFestival2017CountsTheAdjustedSaturdayAfterIt() {
        // 1-27..2-2 off; Fri 2-3 works; Sat 2-4 is an adjusted working day
        assertThat(CALENDAR.plusWorkingDays(d("2017-01-26"), 3)).isEqualTo(d("2017-02-06"));
        assertThat(CALENDAR.isWorkingDay(d("2017-01-22"))).as("Sunday before the festival works").isTrue();
        assertThat(CALENDAR.plusWorkingDays(d("2017-01-21"), 1)).isEqualTo(d("2017-01-22"));
    }

    @Test
    void springFestival2020IncludesTheEpidemicExtension() {
        assertThat(CALENDAR.isWorkingDay(d("2020-01-31"))).as("Friday 2020-01-31, extended holiday").isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2020-02-02"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2020-02-03"))).isTrue();
        assertThat(CALENDAR.plusWorkingDays(d("2020-01-23"), 5)).isEqualTo(d("2020-02-07"));
        assertThat(CALENDAR.workingDaysBetween(d("2020-01-23"), d("2020-02-02"))).isZero();
    }

    @Test
    void decemberDaysFromTheNextYearsFileAreApplied() {
        assertThat(CALENDAR.isWorkingDay(d("2018-12-29"))).as("Saturday 2018-12-29, listed in 2019.json").isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2018-12-31"))).isFalse();
        assertThat(CALENDAR.plusWorkingDays(d("2018-12-28"), 3)).isEqualTo(d("2019-01-03"));
        assertThat(CALENDAR.isWorkingDay(d("2022-12-31"))).isFalse();
    }

    @Test
    void nationalDay2020AndMidAutumnTogether() {
        // 9-27 (Sun) and 10-10 (Sat) adjusted; 10-1..10-8 off
        assertThat(CALENDAR.plusWorkingDays(d("2020-09-30"), 1)).isEqualTo(d("2020-10-09"));
        assertThat(CALENDAR.plusWorkingDays(d("2020-09-30"), 2)).isEqualTo(d("2020-10-10"));
    }

    @Test
    void yearsWithoutDataCountMondayToFriday() {
        assertThat(CALENDAR.covers(d("2027-10-01"))).isFalse();
        assertThat(CALENDAR.plusWorkingDays(d("2027-10-01"), 1)).isEqualTo(d("2027-10-04"));
    }

    @Test
    void aValidUploadIsRead() {
        var file = HolidayFiles.parse("""
                {"year": 2027, "papers": ["https://www.gov.cn/x"], "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-06", "isOffDay": false}]}
                """);
        assertThat(file.year()).isEqualTo(2027);
        assertThat(file.holidays()).isEqualTo(1);
        assertThat(file.adjustedWorkdays()).isEqualTo(1);
    }

    @Test
    void malformedUploadsAreRefusedInChinese() {
        assertThatThrownBy(() -> HolidayFiles.parse("{\"year\": 2027,\n \"days\": [}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是有效的 JSON").hasMessageContaining("第 2 行");
        assertThatThrownBy(() -> HolidayFiles.parse("{\"papers\": [], \"days\": []}")).hasMessageContaining("year");
        assertThatThrownBy(() -> HolidayFiles.parse("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2027-13-01\", \"isOffDay\": true}]}"))
                .hasMessageContaining("days 第 1 项").hasMessageContaining("2027-13-01");
        assertThatThrownBy(() -> HolidayFiles.parse("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\"}]}"))
                .hasMessageContaining("isOffDay");
        assertThatThrownBy(() -> HolidayFiles.parse("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"国庆\", \"date\": \"2028-10-01\", \"isOffDay\": true}]}"))
                .hasMessageContaining("不属于 2027 年");
        assertThatThrownBy(() -> HolidayFiles.parse("[1, 2]")).hasMessageContaining("JSON 对象");
    }
}
