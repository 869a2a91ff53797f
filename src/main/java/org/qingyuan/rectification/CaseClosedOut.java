package org.qingyuan.rectification;

import java.time.LocalDate;

/** A case was closed out (销号): the revisits (回头看) are scheduled from its day. Published inside the close-out's transaction. */
public record CaseClosedOut(long caseId, long enterpriseId, String divisionCode, LocalDate closedOutOn) {
}
