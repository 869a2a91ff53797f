package org.qingyuan.policy;

/**
 * The provisions of the plan that gatekeeping answers cite (准入把关): a plan declares them under {@code gatekeeping:},
 * each in its own words with its section; a provision the plan does not state is null, and the answer then cites the
 * plan by its title with a neutral wording of the principle (never another locality's document).
 *
 * @param entryRedLine the entry red line (准入红线: no new 散乱污 enterprises, connections screened), or null
 * @param noSupport no approvals, filings or subsidies for listed enterprises, or null
 * @param noNewProjects no new projects for enterprises that have not finished rectification, or null
 */
public record GatekeepingBasis(String entryRedLine, String noSupport, String noNewProjects) {

    /** A plan without the section: it states none of them. */
    public static final GatekeepingBasis NONE = new GatekeepingBasis(null, null, null);
}
