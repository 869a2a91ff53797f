package org.qingyuan.ledger;

import java.time.Instant;
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
     * ledger then (registered by then, not yet withdrawn or merged away) whose village as it was then lies in the
     * division, each with every field set back to its value then (the current details with the versions written after
     * the instant undone, newest first), in the forms' order: by the reported date as it was then, then by id. Read
     * through a cursor, so memory stays flat; joins the caller's transaction. A division outside the scope is refused
     * as by the export. The facts carry their answers only (as for {@link #forEachForForms}).
     *
     * @return the number of enterprises given to {@code each}
     */
    long forEachForFormsAsOf(DivisionCode division, Instant asOf, Scope scope, Consumer<FormRow> each);

    /** One enterprise as the forms print it. */
    record FormRow(EnterpriseId id, EnterpriseDetails details) {
    }
}
