package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qingyuan.policy.HolidayRule;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportFrequency;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.policy.Submitter;
import org.qingyuan.shared.WorkingDayCalendar;

/** The shipped plans' report calendars: what each declares from its document, and every period 2017–2026. */
class ReportCalendarTests {

    static final WorkingDayCalendar CALENDAR = TestPolicies.CALENDAR;
    static final LocalDate FIRST = LocalDate.of(2017, 1, 1);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    static CompiledPolicy latest(String policy) {
        return ShippedPolicies.all().stream().filter(p -> p.id().equals(policy)).max(Comparator.comparingInt(CompiledPolicy::version))
                .orElseThrow();
    }

    static ReportDuty duty(String policy, String id) {
        return latest(policy).report(id).orElseThrow();
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void huijisTownsReportTheSurveyLedgerItsSealedCopyAndASummaryBeforeThe23rd() {
        assertThat(latest("huiji-2017").reports()).extracting(ReportDuty::id)
                .containsExactly("monthly-ledger", "weekly-bulletin", "monthly-summary");
        ReportDuty d = duty("huiji-2017", "monthly-ledger");
        assertThat(d.title()).isEqualTo("惠济区小散乱污企业排查台账");
        assertThat(d.parts()).containsExactly(ReportPart.LEDGER_FORM, ReportPart.WRITTEN_SUMMARY, ReportPart.SEALED_SCAN);
        assertThat(d.form()).isEqualTo("survey");
        assertThat(d.submitters()).as("各镇（办）; no department").containsExactly(Submitter.TOWNS);
        assertThat(d.recipient()).isEqualTo("区环保局整治“小散乱污”企业领导小组办公室");
        assertThat(d.schedule().describe()).isEqualTo("每月23日");
        assertThat(d.holidays()).isEqualTo(HolidayRule.PREVIOUS_WORKING_DAY);
        assertThat(d.source()).contains("三(三)").contains("附件1 注1");
        ReportPeriod november = d.periodContaining(d("2026-11-10"), CALENDAR);
        assertThat(november).isEqualTo(new ReportPeriod("2026-11", "2026年11月", d("2026-10-24"), d("2026-11-23"), d("2026-11-23")));
        assertThat(d.reminderDate(november, CALENDAR)).isEqualTo(d("2026-11-18"));
        // the Spring Festival 2026 (2-15 … 2-23 off): the last working day before is the adjusted Saturday 2-14
        assertThat(d.periodContaining(d("2026-02-01"), CALENDAR).due()).isEqualTo(d("2026-02-14"));
        assertThat(d.reminderDate(d.periodContaining(d("2026-02-01"), CALENDAR), CALENDAR)).isEqualTo(d("2026-02-11"));
    }

    @Test
    void huijisOfficeBulletinsCoverTheIsoWeekAndTheCalendarMonth() {
        ReportDuty weekly = duty("huiji-2017", "weekly-bulletin");
        assertThat(weekly.parts()).containsExactly(ReportPart.WEEKLY_BULLETIN);
        assertThat(weekly.submitters()).containsExactly(Submitter.DISTRICT);
        assertThat(weekly.schedule().dayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        ReportPeriod week = weekly.periodContaining(d("2026-12-02"), CALENDAR);
        assertThat(week).isEqualTo(new ReportPeriod("2026-W49", "2026年第49周", d("2026-11-30"), d("2026-12-06"), d("2026-12-07")));

        ReportDuty monthly = duty("huiji-2017", "monthly-summary");
        assertThat(monthly.parts()).containsExactly(ReportPart.MONTHLY_SUMMARY);
        assertThat(monthly.submitters()).containsExactly(Submitter.DISTRICT);
        assertThat(monthly.schedule().describe()).isEqualTo("每月末");
        assertThat(monthly.periodContaining(d("2026-11-10"), CALENDAR))
                .isEqualTo(new ReportPeriod("2026-11", "2026年11月", d("2026-11-01"), d("2026-11-30"), d("2026-11-30")));
        // Saturday 2026-10-31 → Monday 11-2
        assertThat(monthly.periodContaining(d("2026-10-10"), CALENDAR).due()).isEqualTo(d("2026-11-02"));
    }

    @Test
    void tianjinsDistrictBureausReportOnThe1stAnd16thAndAHolidayMovesItLater() {
        assertThat(latest("tianjin-market-2017").reports()).extracting(ReportDuty::id).containsExactly("semi-monthly-statistics");
        ReportDuty d = duty("tianjin-market-2017", "semi-monthly-statistics");
        assertThat(d.parts()).containsExactly(ReportPart.WRITTEN_SUMMARY, ReportPart.STATISTICS_TABLE);
        assertThat(d.form()).isNull();
        assertThat(d.submitters()).as("各区局").containsExactly(Submitter.DISTRICT);
        assertThat(d.recipient()).isEqualTo("市市场监管委企业监管处");
        assertThat(d.schedule().describe()).isEqualTo("每月1日、16日");
        assertThat(d.holidays()).isEqualTo(HolidayRule.NEXT_WORKING_DAY);
        assertThat(d.periodContaining(d("2026-09-03"), CALENDAR))
                .isEqualTo(new ReportPeriod("2026-09-1", "2026年9月上半月", d("2026-09-02"), d("2026-09-16"), d("2026-09-16")));
        assertThat(d.periodContaining(d("2026-09-20"), CALENDAR))
                .isEqualTo(new ReportPeriod("2026-09-2", "2026年9月下半月", d("2026-09-17"), d("2026-10-01"), d("2026-10-08")));
        // the report of 1 January 2017 (a holiday, 1-1 and 1-2 off) is due on Tuesday 1-3
        assertThat(d.periodContaining(d("2016-12-31"), CALENDAR))
                .isEqualTo(new ReportPeriod("2016-12-2", "2016年12月下半月", d("2016-12-17"), d("2017-01-01"), d("2017-01-03")));
    }

    @Test
    void shuimogousTownsReportTheSealedCommunityTableBeforeThe28thAndTheDistrictChecksEachQuarter() {
        assertThat(latest("shuimogou-2017").reports()).extracting(ReportDuty::id).containsExactly("monthly-table", "quarterly-check");
        ReportDuty table = duty("shuimogou-2017", "monthly-table");
        assertThat(table.parts()).containsExactly(ReportPart.LEDGER_FORM, ReportPart.SEALED_SCAN);
        assertThat(table.form()).isEqualTo("community");
        assertThat(table.submitters()).containsExactly(Submitter.TOWNS);
        assertThat(table.recipient()).isEqualTo("区经发委918室");
        assertThat(table.holidays()).isEqualTo(HolidayRule.PREVIOUS_WORKING_DAY);
        assertThat(table.source()).contains("四(一)").contains("六(一)").contains("附件2");
        // 2017-12-28 is a Thursday; 2018-01-28 a Sunday → Friday 1-26
        assertThat(table.periodContaining(d("2017-12-06"), CALENDAR))
                .isEqualTo(new ReportPeriod("2017-12", "2017年12月", d("2017-11-29"), d("2017-12-28"), d("2017-12-28")));
        assertThat(table.periodContaining(d("2018-01-06"), CALENDAR).due()).isEqualTo(d("2018-01-26"));

        ReportDuty check = duty("shuimogou-2017", "quarterly-check");
        assertThat(check.parts()).containsExactly(ReportPart.STATISTICS_TABLE, ReportPart.WRITTEN_SUMMARY);
        assertThat(check.submitters()).containsExactly(Submitter.DISTRICT);
        assertThat(check.schedule().every()).isEqualTo(ReportFrequency.QUARTER);
        assertThat(check.source()).contains("六(二)");
        assertThat(check.periodContaining(d("2026-08-15"), CALENDAR))
                .isEqualTo(new ReportPeriod("2026-Q3", "2026年第三季度", d("2026-07-01"), d("2026-09-30"), d("2026-10-10")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baokou", "jiangjin-2021"})
    void aPlanWithoutAReportingCalendarDeclaresAnEmptyList(String id) {
        CompiledPolicy policy = latest(id);
        assertThat(policy.reports()).isEmpty();
        assertThat(policy.content()).contains("\nreports: []\n").contains("# Report calendar: none.");
    }

    @Test
    void everyShippedPlanDeclaresItsReportsInItsLatestVersion() {
        for (String id : List.of("baokou", "huiji-2017", "jiangjin-2021", "shuimogou-2017", "tianjin-market-2017")) {
            assertThat(latest(id).content()).as(id).contains("\nreports:");
        }
    }

    @Test
    void everyShippedCalendarHasContiguousPeriodsWithWorkingDueDatesAndEarlierRemindersFrom2017To2026() {
        int walked = 0;
        for (CompiledPolicy policy : ShippedPolicies.all()) {
            for (ReportDuty d : policy.reports()) {
                String duty = policy.id() + " v" + policy.version() + " " + d.id();
                List<ReportPeriod> periods = d.periodsBetween(FIRST, LAST, CALENDAR);
                assertThat(periods).as(duty).isNotEmpty();
                assertThat(periods.get(0).start()).as(duty + " from the first day").isBeforeOrEqualTo(FIRST);
                assertThat(d.periodContaining(LAST.plusDays(1), CALENDAR).start()).as(duty + " to the last day")
                        .isEqualTo(periods.get(periods.size() - 1).cutOff().plusDays(1));
                for (int i = 0; i < periods.size(); i++) {
                    ReportPeriod p = periods.get(i);
                    String what = duty + " " + p.key();
                    if (i > 0) {
                        ReportPeriod before = periods.get(i - 1);
                        assertThat(p.start()).as(what + " starts the day after the cut-off before").isEqualTo(before.cutOff().plusDays(1));
                        assertThat(p.key()).as(what + " sorts after " + before.key()).isGreaterThan(before.key());
                        assertThat(d.previous(p, CALENDAR)).as(what).isEqualTo(before);
                    }
                    assertThat(p.label()).as(what).isNotBlank();
                    if (d.holidays() != HolidayRule.ON_DAY) {
                        assertThat(CALENDAR.isWorkingDay(p.due())).as(what + " due " + p.due() + " on a working day").isTrue();
                    }
                    LocalDate nominal = d.schedule().every() == ReportFrequency.QUARTER
                            ? p.cutOff().plusMonths(1).withDayOfMonth(d.schedule().days().get(0)) : p.cutOff();
                    switch (d.holidays()) {
                        case NEXT_WORKING_DAY -> assertThat(p.due()).as(what).isAfterOrEqualTo(nominal);
                        case PREVIOUS_WORKING_DAY -> assertThat(p.due()).as(what).isBeforeOrEqualTo(nominal);
                        case ON_DAY -> assertThat(p.due()).as(what).isEqualTo(nominal);
                    }
                    assertThat(Math.abs(ChronoUnit.DAYS.between(nominal, p.due()))).as(what + " moved at most over a long holiday")
                            .isLessThanOrEqualTo(10);
                    assertThat(d.reminderDate(p, CALENDAR)).as(what + " reminded before it is due").isBefore(p.due());
                    assertThat(d.periodContaining(p.start(), CALENDAR)).as(what).isEqualTo(p);
                    assertThat(d.periodContaining(p.cutOff(), CALENDAR)).as(what).isEqualTo(p);
                }
                for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                    assertThat(d.periodContaining(day, CALENDAR).contains(day)).as(duty + " " + day).isTrue();
                }
                walked++;
            }
        }
        assertThat(walked).as("the duties of every shipped version with a calendar").isGreaterThanOrEqualTo(12);
    }
}
