package org.qingyuan.reporting.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import org.qingyuan.reporting.BulletinKind;

/** The period a bulletin reports on: an ISO week (Monday to Sunday) or a calendar month. */
record BulletinPeriods(String key, String label, LocalDate start, LocalDate end) {

    /** The period containing the day; without a day, the last complete one before today. */
    static BulletinPeriods of(BulletinKind kind, LocalDate day, LocalDate today) {
        if (kind == BulletinKind.WEEKLY) {
            LocalDate d = day != null ? day : today.minusWeeks(1);
            LocalDate start = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            int year = start.get(IsoFields.WEEK_BASED_YEAR);
            return new BulletinPeriods(String.format("%d-W%02d", year, week), year + "年第" + week + "周（"
                    + start.getMonthValue() + "月" + start.getDayOfMonth() + "日—" + start.plusDays(6).getMonthValue() + "月"
                    + start.plusDays(6).getDayOfMonth() + "日）", start, start.plusDays(6));
        }
        LocalDate d = day != null ? day : today.minusMonths(1);
        LocalDate start = d.withDayOfMonth(1);
        return new BulletinPeriods(String.format("%d-%02d", start.getYear(), start.getMonthValue()),
                start.getYear() + "年" + start.getMonthValue() + "月", start, start.with(TemporalAdjusters.lastDayOfMonth()));
    }
}
