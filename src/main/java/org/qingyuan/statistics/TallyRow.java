package org.qingyuan.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group (a town, a category …) or of the whole division.
 *
 * @param key the division code for towns and villages, else the enum name or category id ({@code NONE}: none applies)
 * @param label the group's Chinese name
 */
public record TallyRow(String key, String label, int total, int found, int toRectify, int closedOut, int closedOutInPeriod,
                       int reopened, int overdue) {

    /** One figure by its kind. */
    public int get(Figure figure) {
        return switch (figure) {
            case TOTAL -> total;
            case FOUND -> found;
            case TO_RECTIFY -> toRectify;
            case CLOSED_OUT -> closedOut;
            case CLOSED_OUT_IN_PERIOD -> closedOutInPeriod;
            case REOPENED -> reopened;
            case OVERDUE -> overdue;
        };
    }

    /** 完成率: closed out ÷ to be rectified, in per cent with one decimal; null when nothing is to be rectified. */
    public BigDecimal completionRate() {
        return toRectify == 0 ? null
                : BigDecimal.valueOf(closedOut * 100L).divide(BigDecimal.valueOf(toRectify), 1, RoundingMode.HALF_UP);
    }
}
