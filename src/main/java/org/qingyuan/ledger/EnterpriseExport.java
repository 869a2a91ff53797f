package org.qingyuan.ledger;

import java.util.function.Consumer;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;

/**
 * The whole list of a query, for exports: every matching enterprise inside the scope, in the
 * list's order, read through a database cursor so that memory stays flat however many there are.
 * Paging ({@code page}, {@code size}) is ignored.
 */
public interface EnterpriseExport {

    /** Calls {@code each} for every matching enterprise; the count of those read is returned. */
    long forEach(EnterpriseQuery query, Scope scope, Consumer<Enterprise> each);

    /**
     * As {@link #forEach}, but only what the official forms print, read for a fraction of the cost: the
     * id and the details, each compliance fact with its answer only (no source or date; from the list's
     * answer masks). No life-cycle fields: the forms list what the query selects.
     */
    long forEachForForms(EnterpriseQuery query, Scope scope, Consumer<FormRow> each);

    /**
     * As {@link #forEachForForms} for one division, but as the ledger stood at an instant: the enterprises in the
     * ledger then whose village (as it was) lies in the division, each with every field set back to its value then
     * (reconstructed from the versions written after the instant), by reported date. Refuses a division outside the
     * scope like the export.
     */
    long forEachForFormsAsOf(DivisionCode division, java.time.Instant asOf, Scope scope, Consumer<FormRow> each);

    /** One enterprise as the forms print it. */
    record FormRow(EnterpriseId id, EnterpriseDetails details) {
    }
}
