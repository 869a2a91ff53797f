package org.qingyuan.rectification;

import java.time.LocalDate;

import org.qingyuan.policy.MeasureKind;

/** One line of the case list and the board. */
public record CaseSummary(long id, long enterpriseId, String enterpriseName, String divisionCode, MeasureKind measure,
                          String measureName, CaseState state, String progressLabel, LocalDate deadline, boolean overdue,
                          int itemsDone, int itemsTotal, int itemsAwaitingReview, String personName, String personPhone,
                          LocalDate closedOutOn, int version) {
}
