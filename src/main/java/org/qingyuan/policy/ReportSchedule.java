package org.qingyuan.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.shared.WorkingDayCalendar;

/**
 * When a report is due, and the periods that follows from it. A monthly or weekly report is due on its nominal days
 * (the 23rd; the 1st and 16th; every Friday) and covers the days from the previous nominal day up to the day before its
 * own: the cut-off is the day before the due day, so that a unit reporting on the due day reports a closed period.
 * A quarterly report covers the calendar quarter (cut-off: its last day) and is due on a day of the month after.
 * The due date is the nominal day moved by the report's {@link HolidayRule}.
 *
 * @param every how often
 * @param days the days of the month (MONTH; 29–31 mean the month's last day in shorter months) or the one day of the
 *             month after the quarter (QUARTER)
 * @param dayOfWeek the day of the week (WEEK)
 */
public record ReportSchedule(ReportFrequency every, List<Integer> days, DayOfWeek dayOfWeek) {

    private static final String[] QUARTERS = {"一", "二", "三", "四"};
    private static final String[] HALVES = {"上半月", "下半月"};

    public ReportSchedule {
        days = days == null ? List.of() : days.stream().sorted().distinct().toList();
    }

    /** 每月23日, 每月1日、16日, 每周五, 每季度结束后次月10日. */
    public String describe() {
        return switch (every) {
            case MONTH -> "每月" + String.join("、", days.stream().map(d -> d + "日").toList());
            case WEEK -> "每周" + "一二三四五六日".charAt(dayOfWeek.getValue() - 1);
            case QUARTER -> "每季度结束后次月" + days.get(0) + "日";
        };
    }

    /** The period whose days include {@code date}. */
    public ReportPeriod periodContaining(LocalDate date, HolidayRule rule, WorkingDayCalendar calendar) {
        if (every == ReportFrequency.QUARTER) {
            LocalDate start = date.with(IsoFields.DAY_OF_QUARTER, 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            LocalDate nominal = dayOf(YearMonth.from(end.plusDays(1)), days.get(0));
            int q = start.get(IsoFields.QUARTER_OF_YEAR);
            return new ReportPeriod(start.getYear() + "-Q" + q, start.getYear() + "年第" + QUARTERS[q - 1] + "季度", start, end,
                    rule.apply(nominal, calendar));
        }
        LocalDate previous = nominalOnOrBefore(date);
        LocalDate next = nominalAfter(date);
        LocalDate cutOff = next.minusDays(1);
        return new ReportPeriod(key(cutOff), label(cutOff), previous, cutOff, rule.apply(next, calendar));
    }

    /** The period before. */
    public ReportPeriod previous(ReportPeriod period, HolidayRule rule, WorkingDayCalendar calendar) {
        return periodContaining(period.start().minusDays(1), rule, calendar);
    }

    /** The periods whose cut-off falls in [from, to], oldest first. */
    public List<ReportPeriod> periodsBetween(LocalDate from, LocalDate to, HolidayRule rule, WorkingDayCalendar calendar) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = periodContaining(from, rule, calendar);
        while (!p.cutOff().isAfter(to)) {
            if (!p.cutOff().isBefore(from)) {
                periods.add(p);
            }
            p = periodContaining(p.cutOff().plusDays(1), rule, calendar);
        }
        return periods;
    }

    private LocalDate nominalOnOrBefore(LocalDate date) {
        if (every == ReportFrequency.WEEK) {
            return date.with(TemporalAdjusters.previousOrSame(dayOfWeek));
        }
        YearMonth m = YearMonth.from(date);
        while (true) {
            for (int i = days.size() - 1; i >= 0; i--) {
                LocalDate d = dayOf(m, days.get(i));
                if (!d.isAfter(date)) {
                    return d;
                }
            }
            m = m.minusMonths(1);
        }
    }

    private LocalDate nominalAfter(LocalDate date) {
        if (every == ReportFrequency.WEEK) {
            return date.with(TemporalAdjusters.next(dayOfWeek));
        }
        YearMonth m = YearMonth.from(date);
        while (true) {
            for (int day : days) {
                LocalDate d = dayOf(m, day);
                if (d.isAfter(date)) {
                    return d;
                }
            }
            m = m.plusMonths(1);
        }
    }

    private String key(LocalDate cutOff) {
        if (every == ReportFrequency.WEEK) {
            return String.format("%d-W%02d", cutOff.get(IsoFields.WEEK_BASED_YEAR), cutOff.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        String month = String.format("%d-%02d", cutOff.getYear(), cutOff.getMonthValue());
        return days.size() == 1 ? month : month + "-" + (indexInMonth(cutOff) + 1);
    }

    private String label(LocalDate cutOff) {
        if (every == ReportFrequency.WEEK) {
            return cutOff.get(IsoFields.WEEK_BASED_YEAR) + "年第" + cutOff.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周";
        }
        String month = cutOff.getYear() + "年" + cutOff.getMonthValue() + "月";
        if (days.size() == 1) {
            return month;
        }
        int i = indexInMonth(cutOff);
        return month + (days.size() == 2 ? HALVES[i] : "第" + (i + 1) + "期");
    }

    /** Which of the month's cut-offs this is (0 for the first). */
    private int indexInMonth(LocalDate cutOff) {
        YearMonth m = YearMonth.from(cutOff);
        List<LocalDate> cutOffs = new ArrayList<>();
        for (YearMonth month : List.of(m, m.plusMonths(1))) {
            for (int day : days) {
                LocalDate c = dayOf(month, day).minusDays(1);
                if (YearMonth.from(c).equals(m) && !cutOffs.contains(c)) {
                    cutOffs.add(c);
                }
            }
        }
        cutOffs.sort(null);
        return Math.max(0, cutOffs.indexOf(cutOff));
    }

    private static LocalDate dayOf(YearMonth m, int day) {
        return m.atDay(Math.min(day, m.lengthOfMonth()));
    }
}
