package org.qingyuan.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * The category and measure that apply to many enterprises at once (the 一企一策 override's label before the computed
 * one), for printing the official forms: one query per chunk, no per-row look-ups.
 */
public interface AppliedMeasures {

    /**
     * @param categoryLabel the category's Chinese name, or null when not asked for
     * @param measureLabel the measure's name as the forms print it
     */
    record Applied(String categoryLabel, String measureLabel) {
    }

    /** The classified enterprises among {@code enterpriseIds}; unclassified ones are missing from the map. */
    Map<Long, Applied> of(Long[] enterpriseIds, boolean withCategory);

    /**
     * As {@link #of}, as things stood at an instant: the last classification computed by then, with the 一企一策
     * decision in force then (the rule of {@code ledger_enterprise_as_of}); enterprises not yet classified then are missing.
     */
    Map<Long, Applied> of(Long[] enterpriseIds, boolean withCategory, Instant asOf);
}
