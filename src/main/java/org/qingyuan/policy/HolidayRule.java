package org.qingyuan.policy;

import java.time.LocalDate;

import org.qingyuan.shared.WorkingDayCalendar;

/**
 * What happens when a report's nominal due day is not a working day (a weekend not adjusted to work, or a public
 * holiday), by the working-day calendar. Which rule a plan uses, and why, is in docs/policies.md ("Reports").
 */
public enum HolidayRule {
    /** 照常: the date stands, working day or not. */
    ON_DAY("日期不变"),
    /** 顺延: the next working day (a duty "on the Nth", 于每月N日上报). */
    NEXT_WORKING_DAY("顺延至下一个工作日"),
    /** 提前: the last working day before (a duty "before the Nth", N日前报送, cannot be met after it). */
    PREVIOUS_WORKING_DAY("提前至前一个工作日");

    private final String label;

    HolidayRule(String label) {
        this.label = label;
    }

    /** The Chinese wording, as the page 实施方案 shows it. */
    public String label() {
        return label;
    }

    /** The due date of a nominal due day under this rule: the day itself when it is a working day. */
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
