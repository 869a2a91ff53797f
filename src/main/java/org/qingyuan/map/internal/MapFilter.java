package org.qingyuan.map.internal;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.shared.RequestValues;

/**
 * The map's filters; nulls mean "any".
 *
 * @param division a town or village inside the caller's jurisdiction
 * @param category the plan's category id
 * @param overdue only open cases past their deadline
 * @param dueSoon only open cases due within the configured days
 */
public record MapFilter(String division, String category, MeasureKind measure, CaseState state, boolean overdue,
                        boolean dueSoon) {

    /** The filters from request parameters (a Chinese 400 naming a bad parameter). */
    public static MapFilter of(String division, String category, String measure, String state, String overdue, String dueSoon) {
        return new MapFilter(RequestValues.text(division), RequestValues.text(category),
                RequestValues.enumOf(MeasureKind.class, "measure", measure),
                RequestValues.enumOf(CaseState.class, "state", state),
                Boolean.TRUE.equals(RequestValues.bool("overdue", overdue)),
                Boolean.TRUE.equals(RequestValues.bool("dueSoon", dueSoon)));
    }
}
