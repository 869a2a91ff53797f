package org.qingyuan.rectification;

import java.time.LocalDate;

import org.qingyuan.policy.MeasureKind;

/**
 * Where an enterprise's case stands, as gatekeeping answers with it: its measure, state and close-out day.
 *
 * @param measureName the plan's name of the measure (限期拆除), never null
 * @param closedOutOn the close-out day, or null while not closed out
 */
public record CaseStanding(long caseId, long enterpriseId, MeasureKind measure, String measureName, CaseState state,
                           LocalDate closedOutOn) {
}
