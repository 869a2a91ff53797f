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
}
