package org.qingyuan.ledger;

import java.time.LocalDate;

/**
 * One compliance fact as known: its answer, where it comes from and as of when.
 *
 * @param value true, false, or null for unknown
 * @param source where the answer comes from; null when unknown
 * @param asOf the day the answer was established; null when unknown
 */
public record FactValue(Boolean value, FactSource source, LocalDate asOf) {

    public static final FactValue UNKNOWN = new FactValue(null, null, null);

    public boolean known() {
        return value != null;
    }
}
