package org.qingyuan.ledger;

import java.util.Map;

import org.qingyuan.access.Scope;

/**
 * The filters other modules contribute to the ledger's queries ({@link EnterpriseFilters}, e.g. {@code grid}), applied
 * to a query bound from request parameters, so that the list, its API and the exports select the same enterprises.
 */
public interface EnterpriseQueryNarrowing {

    /** The query narrowed by every contributed filter the parameters set (a bad value is a 400 naming it). */
    EnterpriseQuery narrow(EnterpriseQuery query, Map<String, String> params, Scope scope);
}
