package org.qingyuan.policy;

import java.time.LocalDate;

import org.qingyuan.shared.WorkingDayCalendar;

/** What happens to a due date that is not a working day (weekend or public holiday). */
public enum HolidayRule {
    /** 照常: the date stands (reports go by the calendar day, e.g. an electronic copy). */
    ON_DAY("日期不变"),
    /** 顺延: the next working day. */
    NEXT_WORKING_DAY("顺延至下一个工作日"),
    /** 提前: the last working day before (a duty "before the Nth" cannot be met after it). */
    PREVIOUS_WORKING_DAY("提前至前一个工作日");

    private final String label;

    HolidayRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The due date of a nominal day under this rule. */
    public LocalDate apply(LocalDate day, WorkingDayCalendar calendar) {
        LocalDate d = day;
        switch (this) {
            case NEXT_WORKING_DAY -> {
                while (!calendar.isWorkingDay(d)) {
                    d = d.plusDays(1);
                }
            }
            case PREVIOUS_WORKING_DAY -> {
                while (!calendar.isWorkingDay(d)) {
                    d = d.minusDays(1);
                }
            }
            default -> {
            }
        }
        return d;
    }
}
