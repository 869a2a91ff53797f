package org.qingyuan.rectification;

import java.util.List;
import java.util.Map;

import org.qingyuan.policy.MeasureKind;

/**
 * 挂图作战: where the campaign stands in a division.
 *
 * @param counts cases by measure and state
 * @param overdue open cases past their deadline, most overdue first
 * @param dueSoon open cases due within the next days, soonest first
 * @param closedThisWeek closed out since Monday
 * @param closedThisMonth closed out since the first of the month
 * @param towns per town: open, overdue and closed-out counts (for the district's view)
 */
public record Board(String divisionCode, Map<MeasureKind, Map<CaseState, Long>> counts, List<CaseSummary> overdue,
                    List<CaseSummary> dueSoon, long closedThisWeek, long closedThisMonth, List<TownRow> towns, long total) {

    public long count(MeasureKind measure, CaseState state) {
        return counts.getOrDefault(measure, Map.of()).getOrDefault(state, 0L);
    }

    public long total(MeasureKind measure) {
        return counts.getOrDefault(measure, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long total(CaseState state) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(state, 0L)).sum();
    }

    /** One town's line of the district board. */
    public record TownRow(String townCode, String townName, long open, long overdue, long closedOut) {
    }
}
