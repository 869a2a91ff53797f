package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingyuan.policy.HolidayRule.NEXT_WORKING_DAY;
import static org.qingyuan.policy.HolidayRule.ON_DAY;
import static org.qingyuan.policy.HolidayRule.PREVIOUS_WORKING_DAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.HolidayRule;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.policy.ReportSchedule;
import org.qingyuan.policy.Submitter;
import org.qingyuan.shared.WorkingDayCalendar;

/** Report periods, their names and due dates under the shipped holiday data 2017–2026. */
class ReportScheduleTests {

    static final WorkingDayCalendar CALENDAR = TestPolicies.CALENDAR;

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static ReportPeriod period(ReportSchedule schedule, HolidayRule rule, String date) {
        return schedule.periodContaining(d(date), rule, CALENDAR);
    }

    static ReportPeriod p(String key, String label, String start, String cutOff, String due) {
        return new ReportPeriod(key, label, d(start), d(cutOff), d(due));
    }

    @Test
    void aMonthlyPeriodRunsFromTheDayAfterTheLastDueDayToItsOwnAndIsNamedAfterItsMonth() {
        ReportSchedule on23 = ReportSchedule.monthly(23);
        ReportPeriod november = p("2026-11", "2026年11月", "2026-10-24", "2026-11-23", "2026-11-23");
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-11-10")).isEqualTo(november);
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-10-24")).as("its first day").isEqualTo(november);
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-11-23")).as("the due day is the cut-off, in the period").isEqualTo(november);
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-11-24").key()).isEqualTo("2026-12");
        assertThat(on23.previous(november, PREVIOUS_WORKING_DAY, CALENDAR))
                .isEqualTo(p("2026-10", "2026年10月", "2026-09-24", "2026-10-23", "2026-10-23"));
        assertThat(on23.next(november, PREVIOUS_WORKING_DAY, CALENDAR).start()).isEqualTo(d("2026-11-24"));
        assertThat(on23.describe()).isEqualTo("每月23日");
    }

    @Test
    void a23rdOnASaturdayIsDueTheFridayBeforeOrTheMondayAfter() {
        ReportSchedule on23 = ReportSchedule.monthly(23);
        // 2026-05-23 is a Saturday
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-05-01"))
                .isEqualTo(p("2026-05", "2026年5月", "2026-04-24", "2026-05-23", "2026-05-22"));
        assertThat(period(on23, NEXT_WORKING_DAY, "2026-05-01").due()).isEqualTo(d("2026-05-25"));
        assertThat(period(on23, ON_DAY, "2026-05-01").due()).isEqualTo(d("2026-05-23"));
    }

    @Test
    void a23rdInTheSpringFestivalMovesOverTheWholeHolidayToAnAdjustedWorkingSaturday() {
        ReportSchedule on23 = ReportSchedule.monthly(23);
        // 2026: 2-15 … 2-23 off, Saturday 2-14 and Saturday 2-28 adjusted working days
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2026-02-01").due()).isEqualTo(d("2026-02-14"));
        assertThat(period(on23, NEXT_WORKING_DAY, "2026-02-01").due()).isEqualTo(d("2026-02-24"));
        // 2023: 1-21 … 1-27 off, Saturday 1-28 an adjusted working day
        assertThat(period(on23, PREVIOUS_WORKING_DAY, "2023-01-10").due()).isEqualTo(d("2023-01-20"));
        assertThat(period(on23, NEXT_WORKING_DAY, "2023-01-10").due()).isEqualTo(d("2023-01-28"));
        assertThat(period(on23, NEXT_WORKING_DAY, "2023-01-10").cutOff()).as("the period does not move").isEqualTo(d("2023-01-23"));
    }

    @Test
    void the28thOfFebruary2026IsASaturdayButAnAdjustedWorkingDay() {
        assertThat(period(ReportSchedule.monthly(28), PREVIOUS_WORKING_DAY, "2026-02-10"))
                .isEqualTo(p("2026-02", "2026年2月", "2026-01-29", "2026-02-28", "2026-02-28"));
    }

    @Test
    void twiceAMonthThePeriodEndingOnThe1stIsTheSecondHalfOfTheMonthBefore() {
        ReportSchedule halves = ReportSchedule.monthly(16, 1);
        assertThat(halves.days()).containsExactly(1, 16);
        assertThat(halves.describe()).isEqualTo("每月1日、16日");
        assertThat(period(halves, NEXT_WORKING_DAY, "2026-09-03"))
                .isEqualTo(p("2026-09-1", "2026年9月上半月", "2026-09-02", "2026-09-16", "2026-09-16"));
        assertThat(period(halves, NEXT_WORKING_DAY, "2026-09-01"))
                .isEqualTo(p("2026-08-2", "2026年8月下半月", "2026-08-17", "2026-09-01", "2026-09-01"));
        // due on National Day: 10-1 … 10-7 off
        assertThat(period(halves, NEXT_WORKING_DAY, "2026-09-20"))
                .isEqualTo(p("2026-09-2", "2026年9月下半月", "2026-09-17", "2026-10-01", "2026-10-08"));
    }

    @Test
    void twiceAMonthAcrossTheYearAndTheSpringFestival() {
        ReportSchedule halves = ReportSchedule.monthly(1, 16);
        // 2026-01-01 … 01-03 off, Sunday 01-04 an adjusted working day
        ReportPeriod december = period(halves, NEXT_WORKING_DAY, "2025-12-31");
        assertThat(december).isEqualTo(p("2025-12-2", "2025年12月下半月", "2025-12-17", "2026-01-01", "2026-01-04"));
        ReportPeriod january = halves.next(december, NEXT_WORKING_DAY, CALENDAR);
        assertThat(january).isEqualTo(p("2026-01-1", "2026年1月上半月", "2026-01-02", "2026-01-16", "2026-01-16"));
        assertThat(january.key()).isGreaterThan(december.key());
        assertThat(halves.previous(january, NEXT_WORKING_DAY, CALENDAR)).isEqualTo(december);
        assertThat(period(halves, NEXT_WORKING_DAY, "2026-02-16"))
                .isEqualTo(p("2026-02-1", "2026年2月上半月", "2026-02-02", "2026-02-16", "2026-02-24"));
    }

    @Test
    void theMonthsLastDayStandsForDays29To31InShorterMonths() {
        ReportSchedule monthEnd = ReportSchedule.monthly(31);
        assertThat(monthEnd.describe()).isEqualTo("每月末");
        assertThat(period(monthEnd, NEXT_WORKING_DAY, "2026-02-10"))
                .isEqualTo(p("2026-02", "2026年2月", "2026-02-01", "2026-02-28", "2026-02-28"));
        assertThat(period(monthEnd, NEXT_WORKING_DAY, "2024-02-29").cutOff()).as("leap year").isEqualTo(d("2024-02-29"));
        // Saturday 2026-01-31 → Monday
        assertThat(period(monthEnd, NEXT_WORKING_DAY, "2026-01-31"))
                .isEqualTo(p("2026-01", "2026年1月", "2026-01-01", "2026-01-31", "2026-02-02"));
        ReportSchedule on30 = ReportSchedule.monthly(30);
        assertThat(period(on30, ON_DAY, "2026-02-28")).isEqualTo(p("2026-02", "2026年2月", "2026-01-31", "2026-02-28", "2026-02-28"));
        assertThat(period(on30, ON_DAY, "2026-03-01")).isEqualTo(p("2026-03", "2026年3月", "2026-03-01", "2026-03-30", "2026-03-30"));
        assertThat(period(on30, ON_DAY, "2026-03-31").start()).isEqualTo(d("2026-03-31"));
    }

    @Test
    void aPeriodDueEarlyInTheMonthIsNamedAfterTheMonthBefore() {
        assertThat(period(ReportSchedule.monthly(5), NEXT_WORKING_DAY, "2026-11-20"))
                .isEqualTo(p("2026-11", "2026年11月", "2026-11-06", "2026-12-05", "2026-12-07"));
        assertThat(period(ReportSchedule.monthly(15), ON_DAY, "2026-02-20").key()).as("February has one too").isEqualTo("2026-02");
        assertThat(period(ReportSchedule.monthly(16), ON_DAY, "2026-02-20").key()).isEqualTo("2026-03");
        ReportSchedule thrice = ReportSchedule.monthly(1, 11, 21);
        assertThat(List.of("2026-03-05", "2026-03-15", "2026-03-25", "2026-04-05")).extracting(x -> period(thrice, ON_DAY, x).label())
                .containsExactly("2026年3月第1期", "2026年3月第2期", "2026年3月第3期", "2026年4月第1期");
    }

    @Test
    void everyMonthNamesOnePeriodPerDayWhateverTheDays() {
        for (List<Integer> days : List.of(List.of(1), List.of(5), List.of(15), List.of(16), List.of(28), List.of(31), List.of(1, 16),
                List.of(7, 8), List.of(10, 25), List.of(15, 31), List.of(1, 11, 21), List.of(1, 8, 15, 22), List.of(3, 4, 29, 14))) {
            ReportSchedule s = new ReportSchedule(org.qingyuan.policy.ReportFrequency.MONTH, days, null);
            List<ReportPeriod> periods = s.periodsBetween(d("2023-01-01"), d("2026-12-31"), ON_DAY, CALENDAR);
            assertThat(periods).as(days.toString()).hasSize(48 * days.size());
            for (int i = 1; i < periods.size(); i++) {
                assertThat(periods.get(i).key()).as(days + " " + periods.get(i)).isGreaterThan(periods.get(i - 1).key());
                assertThat(periods.get(i).start()).isEqualTo(periods.get(i - 1).cutOff().plusDays(1));
            }
            java.util.Map<String, Long> perMonth = periods.stream().collect(java.util.stream.Collectors.groupingBy(
                    x -> x.key().substring(0, 7), java.util.stream.Collectors.counting()));
            for (java.time.YearMonth m = java.time.YearMonth.of(2023, 2); m.isBefore(java.time.YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
                assertThat(perMonth.get(m.toString())).as(days + " " + m).isEqualTo((long) days.size());
            }
        }
    }

    @Test
    void aWeeklyPeriodOnSundayIsTheIsoWeekAndIsDueTheNextWorkingDay() {
        ReportSchedule sunday = ReportSchedule.weekly(DayOfWeek.SUNDAY);
        assertThat(sunday.describe()).isEqualTo("每周日");
        // across the year: 2026 has 53 ISO weeks; 2027 has no holiday data yet (Monday to Friday)
        assertThat(period(sunday, NEXT_WORKING_DAY, "2026-12-30"))
                .isEqualTo(p("2026-W53", "2026年第53周", "2026-12-28", "2027-01-03", "2027-01-04"));
        assertThat(period(sunday, NEXT_WORKING_DAY, "2025-01-01"))
                .isEqualTo(p("2025-W01", "2025年第1周", "2024-12-30", "2025-01-05", "2025-01-06"));
        // the week of National Day 2026
        assertThat(period(sunday, NEXT_WORKING_DAY, "2026-10-01"))
                .isEqualTo(p("2026-W40", "2026年第40周", "2026-09-28", "2026-10-04", "2026-10-08"));
        // Sunday 2017-01-22 was an adjusted working day
        assertThat(period(sunday, NEXT_WORKING_DAY, "2017-01-20").due()).isEqualTo(d("2017-01-22"));
    }

    @Test
    void aWeeklyPeriodOnAnotherDayIsNamedAfterTheIsoWeekOfItsMiddleDay() {
        ReportSchedule friday = ReportSchedule.weekly(DayOfWeek.FRIDAY);
        // Saturday to Friday; Friday 2021-01-01 was New Year's Day (1-1 … 1-3 off)
        assertThat(period(friday, NEXT_WORKING_DAY, "2020-12-26"))
                .isEqualTo(p("2020-W53", "2020年第53周", "2020-12-26", "2021-01-01", "2021-01-04"));
        assertThat(period(friday, NEXT_WORKING_DAY, "2021-01-02").key()).isEqualTo("2021-W01");
        ReportSchedule monday = ReportSchedule.weekly(DayOfWeek.MONDAY);
        assertThat(period(monday, ON_DAY, "2026-12-01")).as("Tuesday to Monday: mostly the week before the Monday")
                .isEqualTo(p("2026-W49", "2026年第49周", "2026-12-01", "2026-12-07", "2026-12-07"));
    }

    @Test
    void aQuarterlyPeriodIsTheQuarterDueOnADayOfTheMonthAfter() {
        ReportSchedule tenth = ReportSchedule.quarterly(10);
        assertThat(tenth.describe()).isEqualTo("每季度结束后次月10日");
        // Saturday 2026-10-10 is an adjusted working day after National Day
        ReportPeriod q3 = period(tenth, NEXT_WORKING_DAY, "2026-08-15");
        assertThat(q3).isEqualTo(p("2026-Q3", "2026年第三季度", "2026-07-01", "2026-09-30", "2026-10-10"));
        // 2027-01-10 is a Sunday (no 2027 data: Monday to Friday)
        assertThat(tenth.next(q3, NEXT_WORKING_DAY, CALENDAR))
                .isEqualTo(p("2026-Q4", "2026年第四季度", "2026-10-01", "2026-12-31", "2027-01-11"));
        assertThat(period(tenth, PREVIOUS_WORKING_DAY, "2026-01-01").key()).isEqualTo("2026-Q1");
        assertThat(tenth.previous(period(tenth, NEXT_WORKING_DAY, "2026-01-01"), NEXT_WORKING_DAY, CALENDAR).key()).isEqualTo("2025-Q4");
    }

    @Test
    void periodsBetweenAreThoseWhoseCutOffFallsInTheRange() {
        ReportSchedule on23 = ReportSchedule.monthly(23);
        assertThat(on23.periodsBetween(d("2026-01-23"), d("2026-03-23"), ON_DAY, CALENDAR)).extracting(ReportPeriod::key)
                .containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(on23.periodsBetween(d("2026-01-24"), d("2026-03-22"), ON_DAY, CALENDAR)).extracting(ReportPeriod::key)
                .containsExactly("2026-02");
        assertThat(on23.periodsBetween(d("2026-03-22"), d("2026-01-24"), ON_DAY, CALENDAR)).isEmpty();
    }

    @Test
    void theReminderGoesOutWorkingDaysBeforeTheDueDate() {
        ReportDuty ledger = new ReportDuty("monthly-ledger", "台账", List.of(ReportPart.LEDGER_FORM), "survey", Set.of(Submitter.TOWNS),
                "区整治办", ReportSchedule.monthly(23), PREVIOUS_WORKING_DAY, 3, "三(三)");
        ReportPeriod november = ledger.periodContaining(d("2026-11-01"), CALENDAR);
        assertThat(ledger.reminderDate(november, CALENDAR)).isEqualTo(d("2026-11-18"));
        assertThat(ledger.periodsBetween(d("2026-11-01"), d("2026-12-31"), CALENDAR)).extracting(ReportPeriod::key)
                .containsExactly("2026-11", "2026-12");
        assertThat(ledger.previous(november, CALENDAR).key()).isEqualTo("2026-10");
        // due 2026-10-08 after National Day: two working days before are 9-30 and 9-29
        ReportDuty halves = new ReportDuty("semi-monthly", "统计表", List.of(ReportPart.STATISTICS_TABLE), null,
                Set.of(Submitter.DISTRICT), "企管处", ReportSchedule.monthly(1, 16), NEXT_WORKING_DAY, 2, "五");
        assertThat(halves.reminderDate(halves.periodContaining(d("2026-09-20"), CALENDAR), CALENDAR)).isEqualTo(d("2026-09-29"));
        assertThat(halves.submittedBy(Submitter.DISTRICT)).isTrue();
        assertThat(halves.submittedBy(Submitter.TOWNS)).isFalse();
    }

    @Test
    void aScheduleThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> ReportSchedule.monthly()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportSchedule.monthly(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportSchedule.monthly(28, 31)).hasMessageContaining("28");
        assertThatThrownBy(() -> ReportSchedule.monthly(1, 2, 3, 4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportSchedule(org.qingyuan.policy.ReportFrequency.WEEK, List.of(), null))
                .hasMessageContaining("dayOfWeek");
        assertThatThrownBy(() -> new ReportDuty("x", "x", List.of(ReportPart.WRITTEN_SUMMARY), "survey", Set.of(Submitter.TOWNS), "x",
                ReportSchedule.monthly(23), ON_DAY, 3, "x")).hasMessageContaining("form");
    }
}
