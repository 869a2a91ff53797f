package org.qingyuan.shared;

import java.time.LocalDate;

/** Dates as official documents write them: 2026年12月5日 (no leading zeros). */
public final class ChineseDates {

    private ChineseDates() {
    }

    public static String of(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
