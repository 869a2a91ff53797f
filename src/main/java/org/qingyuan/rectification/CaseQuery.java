package org.qingyuan.rectification;

import org.qingyuan.policy.MeasureKind;

/**
 * The filters of the case list; nulls mean "any".
 *
 * @param division only cases in this division (inside the caller's scope)
 * @param overdue true: past the main deadline and not closed out
 * @param dueWithinDays open cases whose deadline falls within this many days from today
 * @param text part of the enterprise's name
 */
public record CaseQuery(String division, MeasureKind measure, CaseState state, Boolean overdue, Integer dueWithinDays,
                        String text, int page, int size) {

    public CaseQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 200);
    }

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, 0, 20);
    }
}
