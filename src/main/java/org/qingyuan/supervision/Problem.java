package org.qingyuan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of the tracking ledger (督查跟踪台账, 001 附件2): a problem found by supervision, to whom it was handed, by
 * when, and how far it has come.
 *
 * @param reopenedCase true when it contradicted a close-out the town had reported (the case reopened; it counts
 *                     against the town)
 */
public record Problem(long id, Long taskId, long enterpriseId, String enterpriseName, String address, String townCode,
                      String divisionCode, String enterpriseType, String requirement, String description, ProblemState state,
                      Instant foundAt, String foundBy, String handedToKind, String handedTo, Instant handedAt, String handedBy,
                      String responsiblePerson, LocalDate deadline, Instant rectifiedAt, String rectifiedBy,
                      String rectificationNote, List<Long> rectificationPhotoIds, Instant verifiedAt, String verifiedBy,
                      Instant closedAt, String closedBy, Long caseId, boolean reopenedCase, int escalationLevel, int version) {

    /** Past its deadline and not yet reported rectified. */
    public boolean overdue(LocalDate today) {
        return state == ProblemState.HANDED_OVER && deadline != null && deadline.isBefore(today);
    }
}
