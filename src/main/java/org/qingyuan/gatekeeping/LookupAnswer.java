package org.qingyuan.gatekeeping;

import java.util.List;

/**
 * What a gatekeeping lookup answers.
 *
 * @param listed true when at least one active enterprise of the ledger matches
 * @param matches the matching enterprises, at most ten
 * @param redLines the red-line areas the point or a matching site lies in
 * @param banned true when a matching site is shut down (or being shut down) or a red line covers the point or a site
 * @param reasons why, in Chinese, each with its legal basis
 */
public record LookupAnswer(boolean listed, List<Match> matches, List<RedLineHit> redLines, boolean banned,
                           List<String> reasons) {

    /**
     * One enterprise of the ledger that matches.
     *
     * @param category the policy's category id, or null before classification
     * @param measure the measure in force (关停取缔 …), or null
     * @param caseState the state of its rectification case (已销号 …), or null without a case
     */
    public record Match(long enterpriseId, String name, String creditCode, String divisionCode, String address,
                        String category, String measure, String caseState, boolean banned, List<String> reasons,
                        List<String> legalBasis) {
    }

    /** A red-line area that applies, with the industries banned there (empty: every production enterprise). */
    public record RedLineHit(long id, String name, List<String> bannedIndustries, String document, String legalBasis) {
    }
}
