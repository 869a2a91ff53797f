package org.qingyuan.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.Page;

/**
 * The ledger's statistics as of the end of any past date (China time), reconstructed from history; limited to the
 * caller's jurisdiction (a division outside it answers 404, as if it did not exist).
 */
public interface LedgerStatistics {

    /**
     * The figures of {@code division} (null: the caller's whole jurisdiction) at the end of {@code asOf} (null: today),
     * grouped by {@code by}; the period's figures count from {@code from} (null: the first of asOf's month).
     */
    Tally tally(Scope scope, DivisionCode division, Dimension by, LocalDate asOf, LocalDate from);

    /**
     * As {@link #tally}, as of an exact instant rather than a day's end (a submission prepared before its period's
     * cut-off is generated as of that moment); the tally's {@code asOf} is the instant's date.
     */
    Tally tallyAt(Scope scope, DivisionCode division, Dimension by, Instant at, LocalDate from);

    /** The enterprises behind one figure of one row ({@code key} null or {@code TOTAL}: the whole division), by village and name. */
    Page<CountedEnterprise> enterprises(Scope scope, DivisionCode division, Dimension by, String key, Figure figure,
                                        LocalDate asOf, LocalDate from, int page, int size);

    /**
     * One enterprise at the end of each of the last {@code count} months or quarters (the current one ends today),
     * oldest first: its category, measure and case state then, reconstructed from history (ECHO's quarterly compliance
     * history). 404 when the enterprise is outside the caller's jurisdiction.
     */
    List<PeriodState> strip(Scope scope, long enterpriseId, Periodicity every, int count);
}
