package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingyuan.policy.HolidayRule;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportFrequency;
import org.qingyuan.policy.ReportPart;
import org.qingyuan.policy.Submitter;

/** A plan's {@code reports:}: what a good calendar compiles to, and each bad field refused by name, in Chinese. */
class ReportParserTests {

    private static final String PLAN = MinimalPlan.PLAN;

    private static final String REPORTS = """
            reports:
              - id: monthly-ledger
                title: 排查台账
                parts: [LEDGER_FORM, WRITTEN_SUMMARY, SEALED_SCAN]
                form: survey
                submitters: [TOWNS, DEPARTMENTS]
                to: 区整治办
                schedule: {every: MONTH, days: [23]}
                holidays: PREVIOUS_WORKING_DAY
                remindDaysBefore: 5
                source: 三(三)
              - id: weekly
                title: 周通报
                parts: WEEKLY_BULLETIN
                submitters: DISTRICT
                to: 各镇（街道）
                schedule: {every: WEEK, dayOfWeek: sunday}
                holidays: NEXT_WORKING_DAY
                source: 三(五)
              - id: quarterly
                title: 季度通报
                parts: [STATISTICS_TABLE]
                submitters: [DISTRICT]
                to: 领导小组
                schedule: {every: QUARTER, day: 10}
                holidays: ON_DAY
                source: 六(二)
            """;

    private static CompiledPolicy parse(String reports) {
        return PolicyParser.parse(PLAN + reports);
    }

    /** The reports with one text replaced (it must occur). */
    private static String with(String from, String to) {
        assertThat(REPORTS).contains(from);
        return REPORTS.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static PolicyFormatException refused(String reports) {
        try {
            parse(reports);
        } catch (PolicyFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + reports);
    }

    @Test
    void aGoodCalendarCompiles() {
        List<ReportDuty> reports = parse(REPORTS).reports();
        assertThat(reports).extracting(ReportDuty::id).containsExactly("monthly-ledger", "weekly", "quarterly");
        ReportDuty ledger = reports.get(0);
        assertThat(ledger.title()).isEqualTo("排查台账");
        assertThat(ledger.parts()).containsExactly(ReportPart.LEDGER_FORM, ReportPart.WRITTEN_SUMMARY, ReportPart.SEALED_SCAN);
        assertThat(ledger.form()).isEqualTo("survey");
        assertThat(ledger.submitters()).containsExactly(Submitter.TOWNS, Submitter.DEPARTMENTS);
        assertThat(ledger.recipient()).isEqualTo("区整治办");
        assertThat(ledger.schedule().every()).isEqualTo(ReportFrequency.MONTH);
        assertThat(ledger.schedule().days()).containsExactly(23);
        assertThat(ledger.holidays()).isEqualTo(HolidayRule.PREVIOUS_WORKING_DAY);
        assertThat(ledger.remindDaysBefore()).isEqualTo(5);
        assertThat(ledger.source()).isEqualTo("三(三)");

        ReportDuty weekly = reports.get(1);
        assertThat(weekly.parts()).as("a single value is a list of one").containsExactly(ReportPart.WEEKLY_BULLETIN);
        assertThat(weekly.form()).isNull();
        assertThat(weekly.submitters()).containsExactly(Submitter.DISTRICT);
        assertThat(weekly.schedule().dayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(weekly.remindDaysBefore()).as("the default").isEqualTo(3);
        assertThat(reports.get(2).schedule().days()).containsExactly(10);
        assertThat(parse(REPORTS).report("quarterly")).hasValueSatisfying(d -> assertThat(d.holidays()).isEqualTo(HolidayRule.ON_DAY));
        assertThat(parse(REPORTS).report("yearly")).isEmpty();
    }

    @Test
    void aPlanWithoutReportsOrWithAnEmptyListHasNone() {
        assertThat(PolicyParser.parse(PLAN).reports()).isEmpty();
        assertThat(parse("reports: []\n").reports()).isEmpty();
        assertThat(parse("reports:\n").reports()).isEmpty();
    }

    @Test
    void twiceAMonthAndTheMonthsEndAreRead() {
        ReportDuty d = parse(with("days: [23]", "days: [16, 1]")).reports().get(0);
        assertThat(d.schedule().days()).containsExactly(1, 16);
        assertThat(parse(with("days: [23]", "days: 31")).reports().get(0).schedule().describe()).isEqualTo("每月末");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key               | source: 三(三)                         | source: 三(三)\\n    deadline: 23                | 不认识的字段“deadline”
            id with capitals          | id: monthly-ledger                     | id: Monthly                                 | 报送事项的 id 只能由小写字母
            id twice                  | id: weekly                             | id: monthly-ledger                          | 报送事项 id“monthly-ledger”重复
            title missing             | \\n    title: 排查台账                  | ''                                          | 缺少 title（报送事项名称）
            no parts                  | parts: [LEDGER_FORM, WRITTEN_SUMMARY, SEALED_SCAN] | parts: []                       | 报送事项“monthly-ledger”：parts（报送内容）不能为空
            unknown part              | parts: [LEDGER_FORM, WRITTEN_SUMMARY, SEALED_SCAN] | parts: [LEDGER_FORM, PHOTOS]    | parts（报送内容）应为 LEDGER_FORM、STATISTICS_TABLE
            part twice                | parts: [LEDGER_FORM, WRITTEN_SUMMARY, SEALED_SCAN] | parts: [LEDGER_FORM, LEDGER_FORM] | parts（报送内容）中 LEDGER_FORM 重复
            ledger form without form  | \\n    form: survey                     | ''                                          | parts 含台账报表（LEDGER_FORM），须写明 form
            unknown form              | form: survey                           | form: tracking                              | form 应为 survey（001 附件1 排查台账）或 community
            form without ledger form  | parts: WEEKLY_BULLETIN                 | parts: WEEKLY_BULLETIN\\n    form: survey    | 报送事项“weekly”：form 只用于含台账报表
            unknown submitter         | submitters: [TOWNS, DEPARTMENTS]       | submitters: [TOWNS, VILLAGES]               | submitters（报送单位）应为 TOWNS、DEPARTMENTS、DISTRICT 之一，实际为“VILLAGES”
            no submitters             | submitters: [TOWNS, DEPARTMENTS]       | submitters: []                              | submitters（报送单位）不能为空
            recipient missing         | \\n    to: 区整治办                     | ''                                          | 缺少 to（报送对象）
            schedule missing          | \\n    schedule: {every: MONTH, days: [23]} | ''                                         | 缺少 schedule（报送时间）
            unknown frequency         | every: MONTH                           | every: YEAR                                 | schedule.every（报送周期）应为 MONTH、WEEK、QUARTER 之一
            month without days        | {every: MONTH, days: [23]}             | {every: MONTH}                              | 缺少 schedule.days（每月报送日）
            day 32                    | days: [23]                             | days: [32]                                  | schedule.days（每月报送日）应在 1 到 31 之间，实际为 32
            day 0                     | days: [23]                             | days: [0]                                   | schedule.days（每月报送日）应在 1 到 31 之间，实际为 0
            day not a number          | days: [23]                             | days: [二十三]                              | schedule.days（每月报送日）应为整数，实际为“二十三”
            day twice                 | days: [23]                             | days: [23, 23]                              | schedule.days（每月报送日）中 23 重复
            five days                 | days: [23]                             | days: [1, 5, 9, 13, 17]                     | schedule.days（每月报送日）应有 1 到 4 个日期
            two days from the 28th    | days: [23]                             | days: [28, 31]                              | 28 日及以后的日期至多一个
            month with a weekday      | {every: MONTH, days: [23]}             | {every: MONTH, days: [23], dayOfWeek: FRIDAY} | 不认识的字段“dayOfWeek”，这里可用的字段：every、days
            week without its day      | {every: WEEK, dayOfWeek: sunday}       | {every: WEEK}                               | 缺少 schedule.dayOfWeek（每周报送日）
            week on a bad day         | dayOfWeek: sunday                      | dayOfWeek: 周五                             | schedule.dayOfWeek（每周报送日）应为 MONDAY
            quarter with days         | {every: QUARTER, day: 10}              | {every: QUARTER, days: [10]}                | 不认识的字段“days”，这里可用的字段：every、day
            quarter on day 40         | day: 10                                | day: 40                                     | schedule.day（每季度结束后次月的报送日）应在 1 到 31 之间
            holidays missing          | \\n    holidays: PREVIOUS_WORKING_DAY   | ''                                          | 缺少 holidays（遇节假日）
            unknown holiday rule      | holidays: PREVIOUS_WORKING_DAY         | holidays: SKIP                              | holidays（遇节假日）应为 ON_DAY、NEXT_WORKING_DAY、PREVIOUS_WORKING_DAY 之一，实际为“SKIP”
            no reminder               | remindDaysBefore: 5                    | remindDaysBefore: 0                         | remindDaysBefore（提前提醒的工作日数）应在 1 到 20 之间，实际为 0
            reminder too early        | remindDaysBefore: 5                    | remindDaysBefore: 21                        | remindDaysBefore（提前提醒的工作日数）应在 1 到 20 之间
            reminder not a number     | remindDaysBefore: 5                    | remindDaysBefore: 三                        | remindDaysBefore（提前提醒的工作日数）应为整数
            source missing            | \\n    source: 三(三)                   | ''                                          | 缺少 source（依据的条款）
            """)
    void aBadFieldIsRefusedByName(String what, String from, String to, String message) {
        PolicyFormatException e = refused(with(from.replace("\\n", "\n"), to.replace("\\n", "\n")));
        assertThat(e.reason()).as(what).contains(message);
        assertThat((long) e.line()).as(what + ": the line").isGreaterThan(PLAN.lines().count());
    }

    @Test
    void reportsMustBeAListOfMappings() {
        assertThat(refused("reports: monthly\n").reason()).contains("reports 应为列表").contains("reports: []");
        assertThat(refused("reports:\n  - monthly\n").reason()).contains("reports 的每一项应为映射");
        assertThatThrownBy(() -> parse(with("schedule: {every: MONTH, days: [23]}", "schedule: monthly")))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("schedule 应为映射");
    }

    @Test
    void theMessageNamesTheReportAndTheLine() {
        PolicyFormatException e = refused(with("holidays: ON_DAY", "holidays: 顺延"));
        assertThat(e.getMessage()).startsWith("第 " + e.line() + " 行：").contains("报送事项“quarterly”：holidays（遇节假日）");
        assertThat(PLAN.lines().count() + REPORTS.substring(0, REPORTS.indexOf("holidays: ON_DAY")).lines().count())
                .isEqualTo((long) e.line());
    }
}
