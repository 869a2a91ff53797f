package org.qingyuan.policy;

import java.time.Instant;
import java.util.List;

/**
 * One announced year of the working-day calendar.
 *
 * @param uploaded true when an administrator uploaded it, false for the shipped data
 * @param holidays how many listed days are off
 * @param adjustedWorkdays how many listed days are worked (调休上班)
 * @param papers the State Council notices it is based on
 * @param uploadedAt when it was uploaded, or null for shipped data
 * @param uploadedBy who uploaded it, or null for shipped data
 */
public record CalendarYear(int year, boolean uploaded, long holidays, long adjustedWorkdays, List<String> papers,
                           Instant uploadedAt, String uploadedBy) {
}
