package org.qingyuan.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;

/**
 * Filters of the ledger list that other modules own (e.g. the grid an enterprise belongs to): a request parameter with
 * its options, the enterprises a value selects, and a label for each listed enterprise. Modules that depend on the
 * ledger implement it, so the ledger filters and shows by them without depending on them.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface EnterpriseFilters {

    /** The request parameter of the list page and API, e.g. {@code grid}. */
    String parameter();

    /** What the filter is called on the list page, e.g. 网格. */
    String label();

    /** The values to choose from within the caller's scope. */
    List<Option> options(Scope scope);

    /**
     * The ids of the enterprises the value selects within the caller's scope; a malformed value is a 400 naming the
     * parameter, a value outside the scope "not found".
     */
    Collection<Long> select(String value, Scope scope);

    /** A short label for each of the enterprises that has one (e.g. its grid), by enterprise id. */
    Map<Long, String> labels(Collection<Long> enterpriseIds);

    /** One value of the filter. */
    record Option(String value, String label) {
    }
}
