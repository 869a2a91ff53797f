package org.qingyuan.assessment;

import java.time.LocalDate;

/**
 * A calendar quarter.
 *
 * @param year the year
 * @param quarter 1–4
 */
public record QuarterKey(int year, int quarter) implements Comparable<QuarterKey> {

    public QuarterKey {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
    }

    public static QuarterKey of(LocalDate day) {
        return new QuarterKey(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate first() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    public QuarterKey previous() {
        return quarter == 1 ? new QuarterKey(year - 1, 4) : new QuarterKey(year, quarter - 1);
    }

    /** 2026年第三季度. */
    public String label() {
        return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
    }

    @Override
    public int compareTo(QuarterKey o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }
}
