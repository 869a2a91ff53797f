package org.qingyuan.supervision;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;

/**
 * The tracking ledger (督查跟踪台账, 001 附件2) for the official form's export and import: its rows as the caller may
 * see them, and the recording of problems that supervision found outside the platform (a paper ledger brought in).
 */
public interface SupervisionLedger {

    /** The rows the caller may see, oldest first; {@code state} and {@code townCode} narrow them (null: all). */
    List<Problem> rows(CurrentUser user, ProblemState state, String townCode);

    /**
     * Records the rows, all or none, as problems found by supervision: handed over to the enterprise's town on the
     * given day (the plan's working days to rectify from then), closed out on the completion day when there is one.
     * A row already recorded (same enterprise, same problem, same hand-over day) is not recorded twice.
     *
     * @return how many were recorded and how many were there already
     */
    Recorded record(CurrentUser user, List<RecordedProblem> rows);

    /**
     * One row of a paper ledger.
     *
     * @param row the spreadsheet row, for messages
     * @param enterpriseId the ledger's enterprise the row names (resolved by the caller)
     * @param description the problem (整治要求 and what was found)
     * @param handedOn 移交日期, or null when it was not handed over
     * @param completedOn the completion day of 完成情况, or null while open
     */
    record RecordedProblem(int row, long enterpriseId, String description, LocalDate handedOn, String responsiblePerson,
                           LocalDate completedOn) {
    }

    record Recorded(int recorded, int already, List<Long> problemIds) {
    }
}
