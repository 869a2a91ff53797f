package org.qingyuan.rectification;

import java.util.List;

/**
 * Receives what towns wrote about the work in their survey ledgers (the Excel import calls it in its own
 * transaction). A report whose enterprise has a case is applied to it at once; the others wait until the
 * classification opens the case, which applies them then. Every application is on the case's timeline and audited.
 */
public interface TownReports {

    /**
     * Keeps the reports (a later one for the same enterprise replaces an earlier one) and applies those whose
     * enterprise has a case; answers the ids of the cases changed now.
     *
     * @param by the user name of who imported them
     */
    List<Long> receive(List<TownReport> reports, String by);
}
