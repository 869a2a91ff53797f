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
     * @param longitude WGS-84, or null when unknown
     * @param latitude WGS-84, or null when unknown
     */
    record Site(long id, String name, String divisionCode, String address, Double longitude, Double latitude) {
    }
}
