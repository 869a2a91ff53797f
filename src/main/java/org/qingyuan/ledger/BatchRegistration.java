package org.qingyuan.ledger;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.FieldError;

/**
 * Registers many enterprises at once (the Excel import): every row is validated, duplicates are
 * looked for against the ledger and among the rows, and the valid rows are inserted with batched
 * statements in one transaction. One bad row does not stop the others.
 */
public interface BatchRegistration {

    Result registerAll(List<EnterpriseDetails> rows, DuplicatePolicy policy, String reason, Scope scope);

    /**
     * Registers the rows of an import, as {@link #registerAll} does, except that each new
     * enterprise's history gives its row's own source ("imported from x.xlsx, sheet 台账, row 7")
     * and that nothing is audited here: the importer records one audit event for the whole
     * import. Called repeatedly inside one transaction, later calls see the rows of earlier
     * ones as stored records (duplicates across chunks are found).
     */
    Result registerImported(List<SourcedRow> rows, DuplicatePolicy policy, Scope scope);

    /**
     * One imported row.
     *
     * @param source where it came from, recorded as the reason of the first version
     */
    record SourcedRow(EnterpriseDetails details, String source) {
    }

    /**
     * Refreshes the query planner's statistics of the ledger inside the caller's transaction, after a bulk load
     * large enough to change them (the rows committed with statistics that know them: the list pages and the
     * exports get good plans at once instead of after the next automatic analysis).
     */
    void refreshStatistics();

    /** What to do with a row that may duplicate an existing record or an earlier row. */
    enum DuplicatePolicy {
        /** Register it and record the possible duplicate for the user to resolve. */
        FLAG,
        /** Leave it out and report it. */
        SKIP
    }

    /** The fate of one row. */
    enum Outcome {
        /** In the ledger now. */
        REGISTERED,
        /** Left out as a possible duplicate ({@link DuplicatePolicy#SKIP}). */
        SKIPPED_DUPLICATE,
        /** Broke a rule; see the errors. */
        INVALID
    }

    /**
     * @param row zero-based index into the submitted rows
     * @param id the new enterprise, when registered
     */
    record RowResult(int row, Outcome outcome, EnterpriseId id, List<FieldError> errors, List<FieldError> warnings,
                     List<PossibleDuplicate> possibleDuplicates) {
    }

    record Result(List<RowResult> rows) {

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }
}
