package org.qingyuan.supervision;

/**
 * One line of a round's frozen population list: an enterprise of the ledger, its town and its stratum.
 */
public record PopulationEntry(long enterpriseId, String townCode, Stratum stratum) {

    /** The line as it is digested: {@code id<TAB>town<TAB>measure/state}. */
    public String line() {
        return enterpriseId + "\t" + townCode + "\t" + stratum.key();
    }
}
