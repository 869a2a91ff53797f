package org.qingyuan.rectification;

import org.qingyuan.policy.MeasureKind;

/** The least of a case, many at once: which enterprise, which measure, which state (a population to draw from). */
public record CaseBrief(long caseId, long enterpriseId, MeasureKind measure, String measureName, CaseState state, int version) {
}
