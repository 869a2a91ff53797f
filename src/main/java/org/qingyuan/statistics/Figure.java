package org.qingyuan.statistics;

import org.qingyuan.shared.InvalidInputException;

/** One figure of a statistics row: a count of enterprises, each with the list behind it. */
public enum Figure {
    /** 台账企业: in the ledger (not withdrawn) at the date. */
    TOTAL("total", "台账企业"),
    /** 本期发现: reported (上报时间) in the period. */
    FOUND("found", "本期发现"),
    /** 应整治: with a case that calls for a measure (not withdrawn) at the date. */
    TO_RECTIFY("toRectify", "应整治"),
    /** 已销号: the case closed out at the date. */
    CLOSED_OUT("closedOut", "已销号"),
    /** 本期销号: the case closed out in the period. */
    CLOSED_OUT_IN_PERIOD("closedOutInPeriod", "本期销号"),
    /** 本期反弹: the case reopened in the period (a rebound, or a new measure after close-out). */
    REOPENED("reopened", "本期反弹"),
    /** 逾期: the case open and past its deadline at the date. */
    OVERDUE("overdue", "逾期未完成");

    private final String parameter;
    private final String label;

    Figure(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** The figure a {@code figure=} parameter names (default: total); a Chinese 400 naming {@code figure} otherwise. */
    public static Figure of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return TOTAL;
        }
        for (Figure f : values()) {
            if (f.parameter.equals(parameter.strip())) {
                return f;
            }
        }
        throw new InvalidInputException("figure", "统计指标（figure）应为 total、found、toRectify、closedOut、closedOutInPeriod、reopened 或 overdue");
    }
}
