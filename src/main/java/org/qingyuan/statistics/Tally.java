package org.qingyuan.statistics;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.shared.DivisionCode;

/**
 * The statistics of a division as of the end of a date (China time), grouped by one dimension.
 *
 * @param division the division counted
 * @param divisionName its name
 * @param asOf the date whose end the figures describe
 * @param from the first day of the period (本期) whose found, closed-out and reopened enterprises are counted
 * @param by the grouping
 * @param total the figures of the whole division (the sum of the rows)
 * @param rows one per group with at least one enterprise (every town or village of the division, even empty ones,
 *             when grouped by place)
 */
public record Tally(DivisionCode division, String divisionName, LocalDate asOf, LocalDate from, Dimension by, TallyRow total,
                    List<TallyRow> rows) {
}
