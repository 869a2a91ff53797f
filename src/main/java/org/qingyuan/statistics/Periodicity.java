package org.qingyuan.statistics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.qingyuan.shared.InvalidInputException;

/** The periods of an enterprise's strip: months or quarters, the current one ending today. */
public enum Periodicity {
    /** 按月: each month's last day. */
    MONTH,
    /** 按季度: each quarter's last day. */
    QUARTER;

    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** The parameter {@code every=month|quarter} (default month); a Chinese 400 naming {@code every} otherwise. */
    public static Periodicity of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(parameter.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("every", "周期（every）应为 month 或 quarter");
        }
    }

    /** The last {@code count} period ends up to today, oldest first; the current period's end is today. */
    public List<LocalDate> ends(LocalDate today, int count) {
        List<LocalDate> ends = new ArrayList<>();
        LocalDate start = this == MONTH ? today.withDayOfMonth(1)
                : today.with(IsoFields.DAY_OF_QUARTER, 1);
        ends.add(today);
        for (int i = 1; i < count; i++) {
            ends.add(start.minusDays(1));
            start = this == MONTH ? start.minusMonths(1) : start.minusMonths(3);
        }
        Collections.reverse(ends);
        return ends;
    }

    public String key(LocalDate end) {
        return this == MONTH ? String.format("%d-%02d", end.getYear(), end.getMonthValue())
                : end.getYear() + "-Q" + end.get(IsoFields.QUARTER_OF_YEAR);
    }

    public String label(LocalDate end) {
        return this == MONTH ? end.getYear() + "年" + end.getMonthValue() + "月"
                : end.getYear() + "年第" + QUARTERS[end.get(IsoFields.QUARTER_OF_YEAR) - 1] + "季度";
    }
}
