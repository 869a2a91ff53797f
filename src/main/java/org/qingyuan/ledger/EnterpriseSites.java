package org.qingyuan.ledger;

import java.util.Collection;
import java.util.Map;

/**
 * Where enterprises are and what they are called, many at once, for modules that keep work on
 * enterprises (rectification cases check evidence photos against the site). Not scoped: callers
 * pass ids they already hold within their own jurisdiction checks.
 */
public interface EnterpriseSites {

    /** The sites of the enterprises that exist, by id. */
    Map<Long, Site> sites(Collection<Long> enterpriseIds);

    /** The division code of every active enterprise under the division, by id (a population to draw from). */
    Map<Long, String> activeDivisions(org.qingyuan.shared.DivisionCode within);

    /**
     * The active enterprises under the division with this unified social credit code (the gatekeeping lookup; served by
     * {@code enterprise_credit_code_idx}).
     */
    java.util.List<Site> withCreditCode(String creditCode, org.qingyuan.shared.DivisionCode within);

    /**
     * The active enterprises under the division whose site lies within {@code metres} of the point, nearest first, at
     * most {@code limit} (the gatekeeping lookup by coordinates; served by a GiST index on the site's point).
     */
    java.util.List<Site> near(double latitude, double longitude, double metres, int limit,
                              org.qingyuan.shared.DivisionCode within);

    /**
     * The ledger lines gatekeeping answers with, for these ids, limited to the active enterprises under the division: one
     * statement on the primary key with the current classification joined (no paging, count or transaction of the list),
     * by id. Ids outside the division or not active are left out; at most 1,000 ids.
     */
    Map<Long, Listed> listed(Collection<Long> enterpriseIds, org.qingyuan.shared.DivisionCode within);

    /**
     * An active enterprise as gatekeeping answers with it.
     *
     * @param classification as the ledger list shows it, or null when none is stored yet
     */
    record Listed(long id, String name, String creditCode, String divisionCode, String address,
                  EnterpriseSummary.ListClassification classification) {
    }

    /**
     * @param longitude WGS-84, or null when unknown
     * @param latitude WGS-84, or null when unknown
     */
    record Site(long id, String name, String divisionCode, String address, Double longitude, Double latitude) {
    }
}
