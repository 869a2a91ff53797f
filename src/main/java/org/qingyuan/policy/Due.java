package org.qingyuan.policy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.qingyuan.shared.WorkingDayCalendar;

/** When a deadline falls, as a plan writes it. */
public sealed interface Due {

    /** The date, or null when it cannot be computed (no notice date yet, or decided per case). */
    LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar);

    /** How the plan says it, in Chinese. */
    String describe();

    /** True when the date depends on the notice date. */
    default boolean relative() {
        return false;
    }

    /** A fixed date: "2018年9月30日前". */
    record FixedDate(LocalDate date) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return date;
        }

        public String describe() {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日前";
        }
    }

    /** The end of a month: "2017年10月底前". */
    record EndOfMonth(YearMonth month) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return month.atEndOfMonth();
        }

        public String describe() {
            return month.getYear() + "年" + month.getMonthValue() + "月底前";
        }
    }

    /** N calendar months from the notice date: "限期2个月内" (the same day of the month N months later). */
    record CalendarMonths(int months) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return noticeDate == null ? null : noticeDate.plusMonths(months);
        }

        public String describe() {
            return "自告知之日起" + months + "个月内";
        }

        public boolean relative() {
            return true;
        }
    }

    /** N calendar days from the notice date; 0 means at once (立即). */
    record CalendarDays(int days) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return noticeDate == null ? null : noticeDate.plusDays(days);
        }

        public String describe() {
            return days == 0 ? "立即" : "自告知之日起" + days + "日内";
        }

        public boolean relative() {
            return true;
        }
    }

    /** N working days from the notice date, skipping holidays and counting adjusted working days. */
    record WorkingDays(int days) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return noticeDate == null ? null : calendar.plusWorkingDays(noticeDate, days);
        }

        public String describe() {
            return "自告知之日起" + days + "个工作日内";
        }

        public boolean relative() {
            return true;
        }
    }

    /** Set case by case by the department's order (责令限期): the plan names no period. */
    record PerCase(String note) implements Due {
        public LocalDate dateFrom(LocalDate noticeDate, WorkingDayCalendar calendar) {
            return null;
        }

        public String describe() {
            return note;
        }
    }
}
