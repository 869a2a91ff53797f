package org.qingyuan.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.qingyuan.shared.WorkingDayCalendar;

/**
 * When a report is due, and the reporting periods that follow from it (docs/policies.md, "Reports"). Pure: the
 * working-day calendar and the holiday rule are parameters.
 * <p>
 * MONTH and WEEK: a period runs from the day after the previous nominal due day to its own nominal due day, its
 * cut-off (the data are reported as of the end of that day); the due date is the cut-off moved by the
 * {@link HolidayRule}. A monthly period is named after the month that holds most of its days: the cut-off's month, or
 * the month before when the nominal day is at most 15 ÷ the number of days (a report due on the 5th covers mostly the
 * month before; with days 1 and 16 the period ending on the 1st is the second half of the month before). A weekly
 * period is named after the ISO week of its middle day; with {@code SUNDAY} it is exactly
 * the ISO week (Monday to Sunday). QUARTER: the period is the calendar quarter (cut-off: its last day) and the nominal
 * due day is day N of the month after, moved by the holiday rule.
 *
 * @param every how often
 * @param days MONTH: the nominal days of the month, ascending (1–31; 29–31 mean the month's last day in shorter months;
 *             at most {@value #MAX_DAYS_PER_MONTH}, at most one of them from 28 on, so that no two fall on the same day);
 *             QUARTER: the one day of the month after the quarter; WEEK: empty
 * @param dayOfWeek WEEK: the nominal day of the week; otherwise null
 */
public record ReportSchedule(ReportFrequency every, List<Integer> days, DayOfWeek dayOfWeek) {

    /** The most nominal days a monthly schedule may have (keys stay sortable, periods stay days apart). */
    public static final int MAX_DAYS_PER_MONTH = 4;

    private static final String[] QUARTERS = {"一", "二", "三", "四"};
    private static final String WEEKDAYS = "一二三四五六日";

    public ReportSchedule {
        Objects.requireNonNull(every, "every");
        days = days == null ? List.of() : days.stream().sorted().toList();
        switch (every) {
            case MONTH -> {
                require(!days.isEmpty() && days.size() <= MAX_DAYS_PER_MONTH, "每月报送日应有 1 到 " + MAX_DAYS_PER_MONTH + " 个");
                require(days.stream().allMatch(d -> d >= 1 && d <= 31), "每月报送日应在 1 到 31 之间");
                require(days.stream().distinct().count() == days.size(), "每月报送日重复");
                require(days.stream().filter(d -> d >= 28).count() <= 1, "28 日及以后的报送日至多一个（2 月里会落在同一天）");
                require(dayOfWeek == null, "按月报送不用 dayOfWeek");
            }
            case QUARTER -> {
                require(days.size() == 1 && days.get(0) >= 1 && days.get(0) <= 31, "按季度报送应有一个 1 到 31 之间的次月报送日");
                require(dayOfWeek == null, "按季度报送不用 dayOfWeek");
            }
            case WEEK -> {
                require(days.isEmpty(), "按周报送不用 days");
                require(dayOfWeek != null, "按周报送须写明星期几（dayOfWeek）");
            }
        }
    }

    /** On these days of each month (e.g. 23; 1 and 16). */
    public static ReportSchedule monthly(Integer... days) {
        return new ReportSchedule(ReportFrequency.MONTH, List.of(days), null);
    }

    /** On this day of each week. */
    public static ReportSchedule weekly(DayOfWeek day) {
        return new ReportSchedule(ReportFrequency.WEEK, List.of(), day);
    }

    /** On this day of the month after each quarter. */
    public static ReportSchedule quarterly(int day) {
        return new ReportSchedule(ReportFrequency.QUARTER, List.of(day), null);
    }

    /** The schedule as an official reads it: 每月23日, 每月1日、16日, 每月末, 每周日, 每季度结束后次月10日. */
    public String describe() {
        return switch (every) {
            case MONTH -> days.equals(List.of(31)) ? "每月末"
                    : "每月" + String.join("、", days.stream().map(d -> d == 31 ? "月末" : d + "日").toList());
            case WEEK -> "每周" + WEEKDAYS.charAt(dayOfWeek.getValue() - 1);
            case QUARTER -> "每季度结束后次月" + days.get(0) + "日";
        };
    }

    /** The period whose days include {@code date} (from its start to its cut-off, both included). */
    public ReportPeriod periodContaining(LocalDate date, HolidayRule holidays, WorkingDayCalendar calendar) {
        Objects.requireNonNull(date, "date");
        return switch (every) {
            case MONTH -> monthPeriod(date, holidays, calendar);
            case WEEK -> weekPeriod(date, holidays, calendar);
            case QUARTER -> quarterPeriod(date, holidays, calendar);
        };
    }

    /** The period just before this one. */
    public ReportPeriod previous(ReportPeriod period, HolidayRule holidays, WorkingDayCalendar calendar) {
        return periodContaining(period.start().minusDays(1), holidays, calendar);
    }

    /** The period just after this one. */
    public ReportPeriod next(ReportPeriod period, HolidayRule holidays, WorkingDayCalendar calendar) {
        return periodContaining(period.cutOff().plusDays(1), holidays, calendar);
    }

    /** The periods whose cut-off falls in [from, to], oldest first; empty when {@code to} is before {@code from}. */
    public List<ReportPeriod> periodsBetween(LocalDate from, LocalDate to, HolidayRule holidays, WorkingDayCalendar calendar) {
        List<ReportPeriod> periods = new ArrayList<>();
        if (to.isBefore(from)) {
            return periods;
        }
        for (ReportPeriod p = periodContaining(from, holidays, calendar); !p.cutOff().isAfter(to); p = next(p, holidays, calendar)) {
            periods.add(p);
        }
        return periods;
    }

    private ReportPeriod monthPeriod(LocalDate date, HolidayRule holidays, WorkingDayCalendar calendar) {
        Nominal cut = nominalOnOrAfter(date);
        LocalDate start = nominalBefore(cut.date()).plusDays(1);
        YearMonth month = YearMonth.from(cut.date());
        if (reportsOnTheMonthBefore(cut.day())) {
            month = month.minusMonths(1);
        }
        String key = String.format("%d-%02d", month.getYear(), month.getMonthValue());
        String label = month.getYear() + "年" + month.getMonthValue() + "月";
        if (days.size() > 1) {
            int ordinal = inMonthOrder().indexOf(cut.day()) + 1;
            key += "-" + ordinal;
            label += days.size() == 2 ? (ordinal == 1 ? "上半月" : "下半月") : "第" + ordinal + "期";
        }
        return new ReportPeriod(key, label, start, cut.date(), holidays.apply(cut.date(), calendar));
    }

    /**
     * Whether the period ending on this nominal day is named after the month before the cut-off's: when the day is at
     * most 15 ÷ the number of days (the 15th for a monthly report, the 7th for a twice-monthly one), most of the period
     * lies in the month before. The same for every month, so that each month names exactly one period per day.
     */
    private boolean reportsOnTheMonthBefore(int day) {
        return day <= 15 / days.size();
    }

    /** The days in the order their periods come within the month they are named after. */
    private List<Integer> inMonthOrder() {
        return days.stream().sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
    }

    private int order(int day) {
        return reportsOnTheMonthBefore(day) ? day + 31 : day;
    }

    private ReportPeriod weekPeriod(LocalDate date, HolidayRule holidays, WorkingDayCalendar calendar) {
        LocalDate cutOff = date.with(TemporalAdjusters.nextOrSame(dayOfWeek));
        LocalDate start = cutOff.minusDays(6);
        LocalDate middle = start.plusDays(3);
        int year = middle.get(IsoFields.WEEK_BASED_YEAR);
        int week = middle.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return new ReportPeriod(String.format("%d-W%02d", year, week), year + "年第" + week + "周", start, cutOff,
                holidays.apply(cutOff, calendar));
    }

    private ReportPeriod quarterPeriod(LocalDate date, HolidayRule holidays, WorkingDayCalendar calendar) {
        LocalDate start = date.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate cutOff = start.plusMonths(3).minusDays(1);
        LocalDate nominal = dayOf(YearMonth.from(cutOff).plusMonths(1), days.get(0));
        int quarter = start.get(IsoFields.QUARTER_OF_YEAR);
        return new ReportPeriod(start.getYear() + "-Q" + quarter, start.getYear() + "年第" + QUARTERS[quarter - 1] + "季度",
                start, cutOff, holidays.apply(nominal, calendar));
    }

    /** A nominal due day: the date and the configured day it comes from (31 may fall on the 30th, 29th or 28th). */
    private record Nominal(LocalDate date, int day) {
    }

    private Nominal nominalOnOrAfter(LocalDate date) {
        for (YearMonth m = YearMonth.from(date); ; m = m.plusMonths(1)) {
            for (int day : days) {
                LocalDate d = dayOf(m, day);
                if (!d.isBefore(date)) {
                    return new Nominal(d, day);
                }
            }
        }
    }

    private LocalDate nominalBefore(LocalDate date) {
        for (YearMonth m = YearMonth.from(date); ; m = m.minusMonths(1)) {
            for (int i = days.size() - 1; i >= 0; i--) {
                LocalDate d = dayOf(m, days.get(i));
                if (d.isBefore(date)) {
                    return d;
                }
            }
        }
    }

    private static LocalDate dayOf(YearMonth m, int day) {
        return m.atDay(Math.min(day, m.lengthOfMonth()));
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
