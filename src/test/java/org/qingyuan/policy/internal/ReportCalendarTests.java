package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.policy.HolidayRule;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.policy.Submitter;
import org.qingyuan.shared.WorkingDayCalendar;

/** The plans' report calendars: what the shipped files declare, the periods under the holiday data, and bad input. */
class ReportCalendarTests {

    static final WorkingDayCalendar CALENDAR = HolidayFiles.shipped();

    static ReportDuty duty(String policy, String id) {
        return ShippedPolicies.all().stream().filter(p -> p.id().equals(policy)).max(java.util.Comparator.comparingInt(CompiledPolicy::version))
                .orElseThrow().report(id).orElseThrow();
    }

    @Test
    void huijisTownsReportTheirLedgerSealedCopyAndSummaryBeforeThe23rd() {
        ReportDuty d = duty("huiji-2017", "monthly-ledger");
        assertThat(d.parts()).containsExactly(ReportPart.LEDGER_FORM, ReportPart.WRITTEN_SUMMARY, ReportPart.SEALED_SCAN);
        assertThat(d.submittedBy(Submitter.TOWNS)).isTrue();
        assertThat(d.form()).isEqualTo("survey");
        ReportPeriod p = d.periodContaining(LocalDate.of(2026, 11, 10), CALENDAR);
        assertThat(p.key()).isEqualTo("2026-11");
        assertThat(p.label()).isEqualTo("2026年11月");
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(p.cutOff()).as("the due day itself").isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(p.due()).isEqualTo(LocalDate.of(2026, 11, 23));
        // 2026-05-23 is a Saturday: "before the 23rd" moves to Friday the 22nd
        assertThat(d.periodContaining(LocalDate.of(2026, 5, 1), CALENDAR).due()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(d.reminderDate(p, CALENDAR)).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(d.previous(p, CALENDAR).key()).isEqualTo("2026-10");
    }

    @Test
    void tianjinsTwiceAMonthReportsAreHalvesOfTheMonthAndMoveOverHolidays() {
        ReportDuty d = duty("tianjin-market-2017", "semi-monthly-statistics");
        assertThat(d.parts()).containsExactly(ReportPart.WRITTEN_SUMMARY, ReportPart.STATISTICS_TABLE);
        ReportPeriod first = d.periodContaining(LocalDate.of(2026, 9, 3), CALENDAR);
        assertThat(first.key()).isEqualTo("2026-09-1");
        assertThat(first.label()).isEqualTo("2026年9月上半月");
        assertThat(first.start()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(first.cutOff()).isEqualTo(LocalDate.of(2026, 9, 16));
        ReportPeriod second = d.periodContaining(LocalDate.of(2026, 9, 20), CALENDAR);
        assertThat(second.key()).isEqualTo("2026-09-2");
        assertThat(second.label()).isEqualTo("2026年9月下半月");
        assertThat(second.cutOff()).as("the 1st closes the second half of the month before").isEqualTo(LocalDate.of(2026, 10, 1));
        // due on 1 October, the National Day holiday: the next working day after it
        assertThat(second.due()).isAfter(LocalDate.of(2026, 10, 7)).satisfies(x -> assertThat(CALENDAR.isWorkingDay(x)).isTrue());
        // across the year: the second half of December is due in January
        ReportPeriod december = d.periodContaining(LocalDate.of(2025, 12, 31), CALENDAR);
        assertThat(december.key()).isEqualTo("2025-12-2");
        assertThat(d.periodContaining(LocalDate.of(2026, 1, 1), CALENDAR).key()).isEqualTo("2025-12-2");
        assertThat(d.periodContaining(LocalDate.of(2026, 1, 2), CALENDAR).key()).isEqualTo("2026-01-1");
    }

    @Test
    void shuimogousMonthlyTableAndQuarterlyCheck() {
        ReportDuty table = duty("shuimogou-2017", "monthly-table");
        assertThat(table.form()).isEqualTo("community");
        assertThat(table.holidays()).isEqualTo(HolidayRule.PREVIOUS_WORKING_DAY);
        ReportPeriod feb = table.periodContaining(LocalDate.of(2026, 2, 10), CALENDAR);
        assertThat(feb.cutOff()).isEqualTo(LocalDate.of(2026, 2, 28));
        ReportDuty quarter = duty("shuimogou-2017", "quarterly-check");
        ReportPeriod q3 = quarter.periodContaining(LocalDate.of(2026, 8, 15), CALENDAR);
        assertThat(q3.key()).isEqualTo("2026-Q3");
        assertThat(q3.label()).isEqualTo("2026年第三季度");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.cutOff()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q3.due()).isAfterOrEqualTo(LocalDate.of(2026, 10, 10)).satisfies(x -> assertThat(CALENDAR.isWorkingDay(x)).isTrue());
    }

    @Test
    void theWeeklyBulletinOnMondayCoversTuesdayToMonday() {
        ReportDuty d = duty("huiji-2017", "weekly-bulletin");
        assertThat(d.schedule().dayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        ReportPeriod p = d.periodContaining(LocalDate.of(2026, 12, 30), CALENDAR);
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(p.cutOff()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(p.key()).as("named after the week of its middle day").isEqualTo("2026-W53");
    }

    @Test
    void everyShippedCalendarIsContiguousWithWorkingDueDatesFrom2017To2026() {
        for (CompiledPolicy policy : ShippedPolicies.all()) {
            for (ReportDuty d : policy.reports()) {
                List<ReportPeriod> periods = d.schedule().periodsBetween(LocalDate.of(2017, 1, 1), LocalDate.of(2026, 12, 31),
                        d.holidays(), CALENDAR);
                assertThat(periods).as(policy.id() + "/" + d.id()).isNotEmpty();
                for (int i = 0; i < periods.size(); i++) {
                    ReportPeriod p = periods.get(i);
                    String what = policy.id() + "/" + d.id() + " " + p.key();
                    if (i > 0) {
                        assertThat(p.start()).as(what + " follows the period before").isEqualTo(periods.get(i - 1).cutOff().plusDays(1));
                        assertThat(p.key()).as(what + " keys sort").isGreaterThan(periods.get(i - 1).key());
                    }
                    assertThat(p.cutOff()).as(what).isAfterOrEqualTo(p.start());
                    if (d.holidays() != HolidayRule.ON_DAY) {
                        assertThat(CALENDAR.isWorkingDay(p.due())).as(what + " due on a working day").isTrue();
                    }
                    assertThat(d.reminderDate(p, CALENDAR)).as(what).isBefore(p.due());
                    assertThat(d.periodContaining(p.start(), CALENDAR)).as(what).isEqualTo(p);
                    assertThat(d.periodContaining(p.cutOff(), CALENDAR)).as(what).isEqualTo(p);
                }
            }
        }
    }

    @Test
    void aBadReportCalendarNamesTheField() throws Exception {
        String base = new String(ReportCalendarTests.class.getResourceAsStream("/policies/baokou.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PolicyParser.parse(base + """

                reports:
                  - id: monthly
                    title: 月报
                    parts: [LEDGER_FORM]
                    submitters: TOWNS
                    to: 镇办
                    schedule: {every: MONTH, days: [23]}
                """)).isInstanceOf(PolicyFormatException.class).hasMessageContaining("form");
        assertThatThrownBy(() -> PolicyParser.parse(base + """

                reports:
                  - id: monthly
                    title: 月报
                    parts: [WRITTEN_SUMMARY]
                    submitters: VILLAGES
                    to: 镇办
                    schedule: {every: MONTH, days: [23]}
                """)).isInstanceOf(PolicyFormatException.class).hasMessageContaining("submitters").hasMessageContaining("VILLAGES");
        assertThatThrownBy(() -> PolicyParser.parse(base + """

                reports:
                  - id: monthly
                    title: 月报
                    parts: [WRITTEN_SUMMARY]
                    submitters: TOWNS
                    to: 镇办
                    schedule: {every: MONTH, days: [32]}
                """)).isInstanceOf(PolicyFormatException.class).hasMessageContaining("32");
    }
}
