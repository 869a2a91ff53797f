package org.qingyuan.ledger;

import java.util.function.Consumer;

import org.qingyuan.access.Scope;

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

    /** One enterprise as the forms print it. */
    record FormRow(EnterpriseId id, EnterpriseDetails details) {
    }
}
