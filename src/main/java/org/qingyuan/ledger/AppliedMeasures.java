package org.qingyuan.ledger;

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
}
